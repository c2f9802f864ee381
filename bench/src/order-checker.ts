/** What went wrong with one receiver's stream of a room. Every kind must stay at zero. */
export type ViolationKind =
  /** A seq arrived although seqs before it had not (messages skipped, perhaps filled later). */
  | "gap"
  /** A seq arrived that this receiver had already been given. */
  | "duplicate"
  /** A seq lower than the newest one seen arrived for the first time (a gap being filled late). */
  | "out-of-order"
  /** At the end, a seq the receiver should have got never came. */
  | "missing"
  /** Two receivers (or an ack) disagree on which message holds a seq. */
  | "mismatch";

export interface Violation {
  kind: ViolationKind;
  receiver: string;
  seq: number;
}

/** Keeps the examples short: the counts say how bad it is, a few examples say where. */
const EXAMPLES_KEPT = 20;

/** Collects violations from every receiver: counts by kind plus the first few examples. */
export class ViolationLog {
  readonly counts: Record<ViolationKind, number> = {
    gap: 0,
    duplicate: 0,
    "out-of-order": 0,
    missing: 0,
    mismatch: 0,
  };
  readonly examples: Violation[] = [];

  add(v: Violation): void {
    this.counts[v.kind] += 1;
    if (this.examples.length < EXAMPLES_KEPT) this.examples.push(v);
  }

  get total(): number {
    return Object.values(this.counts).reduce((a, b) => a + b, 0);
  }
}

/**
 * Checks one receiver's view of one room against the protocol's promise: every message
 * exactly once, in strictly increasing seq order, with no gaps. Runs on every delivery of the
 * load test (millions), so the in-order case is one comparison; only seqs skipped by a gap
 * are remembered, to tell a late fill from a duplicate and to list what never came.
 */
export class StreamChecker {
  private last: number;
  private readonly holes = new Set<number>();
  /** Distinct seqs received. */
  received = 0;

  /** `afterSeq` is the cursor the receiver synced from: it expects afterSeq + 1 next. */
  constructor(
    readonly receiver: string,
    afterSeq: number,
    private readonly log: ViolationLog,
  ) {
    this.last = afterSeq;
  }

  accept(seq: number): void {
    if (seq === this.last + 1) {
      this.last = seq;
      this.received += 1;
    } else if (seq > this.last + 1) {
      this.log.add({ kind: "gap", receiver: this.receiver, seq });
      for (let s = this.last + 1; s < seq; s++) this.holes.add(s);
      this.last = seq;
      this.received += 1;
    } else if (this.holes.delete(seq)) {
      this.log.add({ kind: "out-of-order", receiver: this.receiver, seq });
      this.received += 1;
    } else {
      // Received before, or at/below the cursor the receiver synced from (it had it already).
      this.log.add({ kind: "duplicate", receiver: this.receiver, seq });
    }
  }

  /** Reports every seq up to `lastSeq` that never arrived. */
  finish(lastSeq: number): void {
    const missing = [...this.holes].sort((a, b) => a - b);
    for (let seq = this.last + 1; seq <= lastSeq; seq++) missing.push(seq);
    for (const seq of missing) this.log.add({ kind: "missing", receiver: this.receiver, seq });
  }

  /** The newest seq received. */
  get lastSeq(): number {
    return this.last;
  }
}

/**
 * The one true seq -> message id mapping of a room, as far as anyone has reported it. A
 * receiver (or the sender's ack) that names another id for a known seq is a mismatch.
 */
export class SeqLedger {
  private readonly ids = new Map<number, string>();

  constructor(private readonly log: ViolationLog) {}

  record(receiver: string, seq: number, id: string): void {
    const known = this.ids.get(seq);
    if (known === undefined) this.ids.set(seq, id);
    else if (known !== id) this.log.add({ kind: "mismatch", receiver, seq });
  }

  entries(): Array<[number, string]> {
    return [...this.ids];
  }

  get highestSeq(): number {
    let max = 0;
    for (const seq of this.ids.keys()) if (seq > max) max = seq;
    return max;
  }
}
