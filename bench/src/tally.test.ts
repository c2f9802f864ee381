import { describe, expect, it } from "vitest";
import type { FinishReport } from "./generator/protocol";
import { Tally } from "./tally";

const report = (ledger: Array<[number, string]>, errors: Record<string, number> = {}): FinishReport => ({
  errors,
  violations: { counts: { gap: 0, duplicate: 0, "out-of-order": 0, missing: 0, mismatch: 0 }, examples: [] },
  ledgers: { room: ledger },
});

describe("bench: run tally", () => {
  it("accepts workers that agree on every seq", () => {
    const tally = new Tally();
    tally.addFinish("fan-out", [
      report([
        [1, "a"],
        [2, "b"],
      ]),
      report([
        [1, "a"],
        [2, "b"],
        [3, "c"],
      ]),
    ]);
    expect(tally.total).toBe(0);
  });

  it("flags a seq two workers saw holding different messages", () => {
    const tally = new Tally();
    tally.addFinish("fan-out", [report([[1, "a"]]), report([[1, "x"]])]);
    expect(tally.violations.counts.mismatch).toBe(1);
    expect(tally.violations.examples[0]).toMatchObject({
      kind: "mismatch",
      receiver: "fan-out/worker1",
      seq: 1,
    });
  });

  it("adds up the workers' errors under the phase's name", () => {
    const tally = new Tally();
    tally.addFinish("pairs", [report([], { "never acked": 2 }), report([], { "never acked": 1 })]);
    expect(tally.errors.get("pairs: never acked")).toBe(3);
    expect(tally.total).toBe(3);
  });
});
