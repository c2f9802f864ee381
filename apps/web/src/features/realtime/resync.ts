import { CLIENT_FRAME, type SyncFrame } from "@parley/protocol";
import type { QueryClient } from "@tanstack/react-query";
import { syncCursors } from "../messages/message-cache";

/** Rooms loaded after a sync are announced together after this pause. */
export const RESYNC_DELAY_MS = 200;

/**
 * Sends the sync frame, and sends it again when a room's messages were loaded after it.
 *
 * Why again: right after a page load the socket is usually quicker than the open room's
 * first page, so the first sync carries no cursor for that room, and the server then neither
 * replays from it after a drop nor says where delivery of my messages stands (`delivered`
 * comes "after each sync, per room with a cursor"). A sync frame replaces the previous one,
 * so each carries every loaded room's cursor; the server answers as after a reconnect
 * (nothing to replay, a `delivered` per room, `sync.done`).
 */
export class SyncSender {
  /** Rooms whose cursor the server has: they were in our last sync frame. */
  private rooms = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly queryClient: QueryClient,
    private readonly send: (frame: SyncFrame) => boolean,
    private readonly delayMs = RESYNC_DELAY_MS,
  ) {}

  sync(): void {
    const cursors = syncCursors(this.queryClient);
    if (this.send({ type: CLIENT_FRAME.SYNC, cursors })) this.rooms = new Set(cursors.map((c) => c.roomId));
  }

  /**
   * Once synced: if a loaded room (this one, or any when no room is given) has no cursor on
   * the server yet, sync again shortly. `canSend` is asked when the timer fires.
   */
  check(canSend: () => boolean, roomId?: string): void {
    if (this.timer !== null) return;
    const missing =
      roomId === undefined
        ? syncCursors(this.queryClient).some((c) => !this.rooms.has(c.roomId))
        : !this.rooms.has(roomId);
    if (!missing) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (canSend()) this.sync();
    }, this.delayMs);
  }

  stop(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
