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
 * exactly once, in strictly increasing seq order, with no gaps.
 */
export class StreamChecker {
  private last: number;
  private readonly seen = new Set<number>();

  /** `afterSeq` is the cursor the receiver synced from: it expects afterSeq + 1 next. */
  constructor(
    readonly receiver: string,
    private readonly afterSeq: number,
    private readonly log: ViolationLog,
  ) {
    this.last = afterSeq;
  }

  accept(seq: number): void {
    if (this.seen.has(seq)) {
      this.log.add({ kind: "duplicate", receiver: this.receiver, seq });
      return;
    }
    this.seen.add(seq);
    if (seq === this.last + 1) {
      this.last = seq;
    } else if (seq > this.last + 1) {
      this.log.add({ kind: "gap", receiver: this.receiver, seq });
      this.last = seq;
    } else {
      this.log.add({ kind: "out-of-order", receiver: this.receiver, seq });
    }
  }

  /** Reports every seq up to `lastSeq` that never arrived. */
  finish(lastSeq: number): void {
    for (let seq = this.afterSeq + 1; seq <= lastSeq; seq++) {
      if (!this.seen.has(seq)) this.log.add({ kind: "missing", receiver: this.receiver, seq });
    }
  }

  get received(): number {
    return this.seen.size;
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

  get highestSeq(): number {
    let max = 0;
    for (const seq of this.ids.keys()) if (seq > max) max = seq;
    return max;
  }
}
