import { EMPTY_OUTBOX, type OutboxState } from "./outbox";

/**
 * The live outbox: an external store (for useSyncExternalStore) whose state only changes
 * through the pure transitions in outbox.ts. In memory: a reload forgets unsent messages.
 */
export class OutboxStore {
  private state: OutboxState = EMPTY_OUTBOX;
  private readonly listeners = new Set<() => void>();

  readonly getSnapshot = (): OutboxState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  apply(transition: (state: OutboxState) => OutboxState): void {
    const next = transition(this.state);
    if (next === this.state) return;
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}
