import type { FinishReport } from "./generator/protocol";
import { SeqLedger, ViolationLog } from "./order-checker";

/**
 * Errors and order violations of the whole run, gathered from every generator process at the
 * end of each phase. Any of them makes the run fail, whatever its speed.
 */
export class Tally {
  readonly errors = new Map<string, number>();
  readonly violations = new ViolationLog();

  countError(kind: string, n = 1): void {
    this.errors.set(kind, (this.errors.get(kind) ?? 0) + n);
  }

  /**
   * Adds the workers' end-of-phase reports. Members of one room may sit in different workers,
   * each of which only compared its own sockets: here their seq -> id maps are compared too.
   */
  addFinish(phase: string, reports: readonly FinishReport[]): void {
    const ledgers = new Map<string, SeqLedger>();
    reports.forEach((report, worker) => {
      for (const [kind, n] of Object.entries(report.errors)) this.countError(`${phase}: ${kind}`, n);
      for (const [kind, n] of Object.entries(report.violations.counts)) {
        this.violations.counts[kind as keyof typeof this.violations.counts] += n;
      }
      for (const v of report.violations.examples) {
        if (this.violations.examples.length < 20)
          this.violations.examples.push({ ...v, receiver: `${phase}/${v.receiver}` });
      }
      for (const [room, entries] of Object.entries(report.ledgers)) {
        let ledger = ledgers.get(room);
        if (!ledger) {
          ledger = new SeqLedger(this.violations);
          ledgers.set(room, ledger);
        }
        for (const [seq, id] of entries) ledger.record(`${phase}/worker${worker}`, seq, id);
      }
    });
  }

  get total(): number {
    let n = this.violations.total;
    for (const v of this.errors.values()) n += v;
    return n;
  }
}
