import type { RemovalReason } from "../moderation/moderation-text";

/** A room the user was put out of by a moderator (not one they left themselves). */
export interface Removal {
  roomId: string;
  /** Known from the cache when the notice came; null if the room was never loaded here. */
  roomName: string | null;
  reason: RemovalReason;
  /** Shown to the user already (the open room showed it, or its toast was dismissed). */
  seen: boolean;
}

/**
 * The removals of this session, as an external store for useSyncExternalStore. Kept until the
 * user dismisses the notice or joins the room again.
 */
export class RemovalStore {
  private state: readonly Removal[] = [];
  private readonly listeners = new Set<() => void>();

  readonly getSnapshot = (): readonly Removal[] => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  add(removal: Omit<Removal, "seen">): void {
    this.set([...this.state.filter((r) => r.roomId !== removal.roomId), { ...removal, seen: false }]);
  }

  markSeen(roomId: string): void {
    if (!this.state.some((r) => r.roomId === roomId && !r.seen)) return;
    this.set(this.state.map((r) => (r.roomId === roomId ? { ...r, seen: true } : r)));
  }

  clear(roomId: string): void {
    if (this.state.some((r) => r.roomId === roomId)) this.set(this.state.filter((r) => r.roomId !== roomId));
  }

  private set(next: readonly Removal[]): void {
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}
