import { describe, expect, it } from "vitest";
import { SeqLedger, StreamChecker, ViolationLog } from "./order-checker";

function check(seqs: number[], lastSeq: number, afterSeq = 0) {
  const log = new ViolationLog();
  const checker = new StreamChecker("r", afterSeq, log);
  for (const seq of seqs) checker.accept(seq);
  checker.finish(lastSeq);
  return log;
}

describe("bench: stream order checker", () => {
  it("bench: a complete, ordered stream has no violations", () => {
    expect(check([1, 2, 3, 4], 4).total).toBe(0);
    expect(check([6, 7], 7, 5).total).toBe(0);
  });

  it("bench: a skipped seq is a gap, and missing if it never comes", () => {
    const log = check([1, 2, 4], 4);
    expect(log.counts).toMatchObject({ gap: 1, missing: 1, "out-of-order": 0 });
    expect(log.examples).toContainEqual({ kind: "missing", receiver: "r", seq: 3 });
  });

  it("bench: a late fill is a gap plus out-of-order, but not missing", () => {
    expect(check([1, 3, 2], 3).counts).toMatchObject({ gap: 1, "out-of-order": 1, missing: 0 });
  });

  it("bench: the same seq twice is a duplicate", () => {
    expect(check([1, 2, 2, 3], 3).counts).toMatchObject({ duplicate: 1, gap: 0 });
  });

  it("bench: messages at the end that never arrived are missing", () => {
    expect(check([1, 2], 5).counts.missing).toBe(3);
  });

  it("bench: the ledger flags two ids for one seq", () => {
    const log = new ViolationLog();
    const ledger = new SeqLedger(log);
    ledger.record("ack", 1, "a");
    ledger.record("r1", 1, "a");
    ledger.record("r2", 1, "b");
    ledger.record("r2", 3, "c");
    expect(log.counts.mismatch).toBe(1);
    expect(ledger.highestSeq).toBe(3);
  });

  it("bench: the log keeps counts of everything but only a few examples", () => {
    const log = check([], 100);
    expect(log.counts.missing).toBe(100);
    expect(log.examples.length).toBeLessThan(100);
  });
});
