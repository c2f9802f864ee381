interface Entry<V> {
  value: V;
  waiters: Array<{ resolve: () => void; reject: (error: unknown) => void }>;
}

/**
 * Group commit for small writes that may be merged by key (a device's delivery receipt for a
 * room, a person's "last seen"): what is added while a write is running is merged and written
 * by the next one, in one transaction, so a burst costs one commit instead of one per event.
 * On SQLite every commit writes its pages to the WAL on the event loop and waits for a sync of
 * the disk: a room of 500 whose devices each acknowledge what they received would otherwise
 * cost hundreds of commits a second.
 *
 * `add` resolves once the batch holding the value is committed (or rejects with the batch's
 * error), so a caller can still publish after commit.
 */
export class CoalescingWriter<V> {
  private pending = new Map<string, Entry<V>>();
  private running: Promise<void> | null = null;

  constructor(
    private readonly write: (batch: ReadonlyMap<string, V>) => Promise<void>,
    /** The value to keep when a key is added again before it was written. */
    private readonly merge: (older: V, newer: V) => V,
  ) {}

  add(key: string, value: V): Promise<void> {
    return new Promise((resolve, reject) => {
      const entry = this.pending.get(key);
      if (entry) {
        entry.value = this.merge(entry.value, value);
        entry.waiters.push({ resolve, reject });
      } else {
        this.pending.set(key, { value, waiters: [{ resolve, reject }] });
      }
      // Let everything added in this same turn of the event loop join the first batch.
      this.running ??= new Promise<void>((started) => setImmediate(started)).then(() => this.drain());
    });
  }

  /** Resolves once everything added so far is written (before the database closes). */
  async flush(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    try {
      while (this.pending.size > 0) {
        const batch = this.pending;
        this.pending = new Map();
        const values = new Map([...batch].map(([key, entry]) => [key, entry.value]));
        try {
          await this.write(values);
          for (const entry of batch.values()) for (const w of entry.waiters) w.resolve();
        } catch (error) {
          for (const entry of batch.values()) for (const w of entry.waiters) w.reject(error);
        }
      }
    } finally {
      this.running = null;
    }
  }
}
