import { EMPTY_OUTBOX, type OutboxState } from "./outbox";
import {
  applyChanges,
  diffOutbox,
  mergeRestored,
  type OutboxChange,
  parseChanges,
  restoreOutbox,
} from "./outbox-records";

/** Where the outbox outlives the page and reaches the user's other tabs (see outbox-db.ts). */
export interface OutboxBackend {
  /** The stored records, unchecked (restoreOutbox keeps this user's valid ones). */
  load(): Promise<readonly unknown[]>;
  /** Stores the changes, then tells the other tabs. Fire and forget: failures are logged. */
  write(changes: OutboxChange[]): void;
  /** Changes made by the user's other tabs, unchecked. */
  subscribe(listener: (changes: unknown) => void): () => void;
}

/**
 * The live outbox: an external store (for useSyncExternalStore) whose state only changes
 * through the pure transitions in outbox.ts and outbox-records.ts. With a backend, every
 * local change is written through and shared; without one (tests, no IndexedDB) it lives in
 * memory only.
 */
export class OutboxStore {
  private state: OutboxState = EMPTY_OUTBOX;
  private readonly listeners = new Set<() => void>();
  /** Entries removed during this session, local or remote: a late add must not revive them. */
  private readonly removed = new Set<string>();
  private loading: Promise<void> | null = null;
  private unsubscribe: (() => void) | null = null;
  /** Restored from storage (or there is none): only then may sends go out, oldest first. */
  ready: boolean;

  constructor(
    private readonly userId: string,
    private readonly backend: OutboxBackend | null = null,
  ) {
    this.ready = backend === null;
  }

  readonly getSnapshot = (): OutboxState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * Listens to the other tabs, then restores what was stored. Other tabs' changes that arrive
   * while loading are applied at once; the restored entries are merged in after them.
   */
  start(onReady: () => void): void {
    const backend = this.backend;
    if (backend === null) return;
    this.unsubscribe ??= backend.subscribe((raw) => this.applyRemote(parseChanges(raw)));
    this.loading ??= backend
      .load()
      .catch((error: unknown) => {
        console.warn("parley: could not restore unsent messages", error);
        return [];
      })
      .then((records) => {
        this.set(mergeRestored(this.state, restoreOutbox(records, this.userId), this.removed));
        this.ready = true;
      });
    void this.loading.then(onReady);
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  /** A change made here: shown at once, then stored and shared. */
  apply(transition: (state: OutboxState) => OutboxState): void {
    const previous = this.state;
    const next = transition(previous);
    if (next === previous) return;
    const changes = diffOutbox(previous, next, this.userId);
    this.remember(changes);
    this.set(next);
    if (changes.length > 0) this.backend?.write(changes);
  }

  private applyRemote(changes: OutboxChange[]): void {
    this.remember(changes);
    this.set(applyChanges(this.state, changes, this.removed, this.userId));
  }

  private remember(changes: readonly OutboxChange[]): void {
    for (const change of changes) if (change.kind === "remove") this.removed.add(change.clientId);
  }

  private set(next: OutboxState): void {
    if (next === this.state) return;
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}
