import { describe, expect, it } from "vitest";
import { recoverNpmMangledArgs } from "./npm-args";

describe("bench: flags swallowed by npm", () => {
  it("bench: flags passed properly are left alone", () => {
    const argv = ["--db", "postgres", "--users", "5"];
    expect(recoverNpmMangledArgs(argv, { npm_config_db: "true" })).toEqual(argv);
    expect(recoverNpmMangledArgs([], {})).toEqual([]);
  });

  it("bench: puts back --db, booleans, --x=y and one numeric flag", () => {
    expect(
      recoverNpmMangledArgs(["postgres", "5"], {
        npm_config_db: "true",
        npm_config_quick: "true",
        npm_config_users: "true",
        npm_config_rate: "300",
      }),
    ).toEqual(["--quick", "--rate", "300", "--db", "postgres", "--users", "5"]);
  });

  it("bench: refuses to guess which number belongs to which flag", () => {
    expect(() =>
      recoverNpmMangledArgs(["5", "10"], { npm_config_users: "true", npm_config_messages: "true" }),
    ).toThrow(/ambiguous/);
  });
});
