import type { OutboxChange, OutboxRecord } from "./outbox-records";
import type { OutboxBackend } from "./outbox-store";

/**
 * For tests: the browser's IndexedDB store and BroadcastChannel in memory, with the same
 * rules as outbox-db.ts (an update never recreates a removed record; other tabs hear of a
 * change after it is stored, asynchronously, never the tab that made it).
 */
export class FakeOutboxStorage {
  readonly records = new Map<string, OutboxRecord>();
  private readonly tabs = new Set<(changes: unknown) => void>();

  backend(): OutboxBackend {
    let own: ((changes: unknown) => void) | null = null;
    return {
      load: async () => structuredClone([...this.records.values()]),
      write: (changes) => {
        this.store(changes);
        const copy = structuredClone(changes);
        queueMicrotask(() => {
          for (const tab of this.tabs) if (tab !== own) tab(copy);
        });
      },
      subscribe: (listener) => {
        own = listener;
        this.tabs.add(listener);
        return () => this.tabs.delete(listener);
      },
    };
  }

  private store(changes: readonly OutboxChange[]): void {
    for (const change of changes) {
      if (change.kind === "add") this.records.set(change.record.clientId, change.record);
      else if (change.kind === "remove") this.records.delete(change.clientId);
      else {
        const record = this.records.get(change.clientId);
        if (record)
          this.records.set(change.clientId, { ...record, status: change.status, error: change.error });
      }
    }
  }
}
