import { describe, expect, it } from "vitest";
import { changedUnderScan, droppedMeanwhile } from "./migrate";

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

describe("migrateToLatest: another schema's table changing during Kysely's table scan", () => {
  const undefinedColumn = Object.assign(
    new Error('column "timestamp" of relation "kysely_migration" does not exist'),
    { code: "42703" },
  );

  it("is retried when none of our migrations ran yet", () => {
    expect(changedUnderScan(undefinedColumn, "t_ours", undefined)).toBe(true);
    expect(changedUnderScan(undefinedColumn, "t_ours", [{ status: "NotExecuted" }])).toBe(true);
    expect(changedUnderScan(Object.assign(new Error("x"), { code: "42P01" }), "t_ours", [])).toBe(true);
  });

  it("is a real failure once a migration of ours ran, or for any other error", () => {
    expect(changedUnderScan(undefinedColumn, "t_ours", [{ status: "Error" }])).toBe(false);
    expect(
      changedUnderScan(undefinedColumn, "t_ours", [{ status: "Success" }, { status: "NotExecuted" }]),
    ).toBe(false);
    expect(changedUnderScan(Object.assign(new Error("x"), { code: "42601" }), "t_ours", undefined)).toBe(
      false,
    );
  });
});
