import { describe, expect, it } from "vitest";
import { droppedMeanwhile } from "./migrate";

describe("migrateToLatest: a schema dropped by someone else during Kysely's table scan", () => {
  const missing = (name: string) =>
    Object.assign(new Error(`schema "${name}" does not exist`), { code: "3F000" });

  it("is retried when the missing schema is another one", () => {
    expect(droppedMeanwhile(missing("t_other"), "t_ours")).toBe(true);
    expect(droppedMeanwhile(missing("t_other"), undefined)).toBe(true);
  });

  it("is a real failure when our own schema is missing, or for any other error", () => {
    expect(droppedMeanwhile(missing("t_ours"), "t_ours")).toBe(false);
    expect(droppedMeanwhile(Object.assign(new Error("syntax error"), { code: "42601" }), "t_ours")).toBe(
      false,
    );
    expect(droppedMeanwhile(new Error("boom"), "t_ours")).toBe(false);
  });
});
