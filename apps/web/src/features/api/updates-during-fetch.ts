/**
 * Live updates made to a cached query while a fetch of it is in flight, replayed onto the
 * fetch's answer.
 *
 * A fetch's answer is a snapshot the server took at some moment during the request. A socket
 * frame that arrives meanwhile is applied to the data the cache holds then (or to nothing, on
 * a first load), and the answer then replaces that data: if the snapshot was taken before the
 * frame's change, the change is lost until the next refetch — "3 unread" shows as "2 unread".
 * Recording the updates made during the fetch and applying them again to its answer closes
 * that gap. The updates must be idempotent against data that already includes them (a live
 * entry skipped once its seq is counted, a pointer that never moves back), because the
 * snapshot may well have been taken after the frame's change.
 */
export class UpdatesDuringFetch<T> {
  private readonly updates: Array<{ n: number; update: (data: T) => T }> = [];
  /** Where each fetch in flight started reading the log. */
  private readonly openFrom: number[] = [];
  private counter = 0;

  /** Records an update if a fetch is in flight (it was also applied to the cache). */
  record(update: (data: T) => T): void {
    if (this.openFrom.length === 0) return;
    this.counter += 1;
    this.updates.push({ n: this.counter, update });
  }

  /**
   * Runs a fetch and returns its answer with every update recorded while it ran applied, in
   * the order they were made.
   */
  async fetch(load: () => Promise<T>): Promise<T> {
    const from = this.counter;
    this.openFrom.push(from);
    try {
      let data: T = await load();
      for (const { n, update } of this.updates) if (n > from) data = update(data);
      return data;
    } finally {
      this.openFrom.splice(this.openFrom.indexOf(from), 1);
      this.prune();
    }
  }

  /** Updates no fetch in flight will replay are dropped. */
  private prune(): void {
    const oldest = this.openFrom.length === 0 ? this.counter : Math.min(...this.openFrom);
    let keep = 0;
    while (keep < this.updates.length && (this.updates[keep]?.n ?? 0) <= oldest) keep += 1;
    this.updates.splice(0, keep);
  }
}
