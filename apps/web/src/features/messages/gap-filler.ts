import type { QueryClient } from "@tanstack/react-query";
import { fillGaps, reloadRoomMessages } from "./message-cache";

const RETRIES = 2;

/**
 * Runs `fillGaps` for rooms where a live message revealed a hole: one run at a time per
 * room, after a short delay (an ack can overtake the message.new frames before it, so
 * many holes close by themselves), retrying on failure and, as a last resort, reloading the
 * room's newest page rather than leaving a silent hole.
 */
export class GapFiller {
  private readonly waiting = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly chains = new Map<string, Promise<void>>();
  private stopped = false;

  constructor(
    private readonly queryClient: QueryClient,
    private readonly delayMs = 300,
  ) {}

  schedule(roomId: string): void {
    if (this.stopped || this.waiting.has(roomId)) return;
    const timer = setTimeout(() => {
      this.waiting.delete(roomId);
      const previous = this.chains.get(roomId) ?? Promise.resolve();
      this.chains.set(
        roomId,
        previous.then(() => this.fill(roomId, 0)),
      );
    }, this.delayMs);
    this.waiting.set(roomId, timer);
  }

  /** Resolves when the room's scheduled and running fills are done (for tests). */
  async settled(roomId: string): Promise<void> {
    while (this.waiting.has(roomId)) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    await this.chains.get(roomId);
  }

  /** Allows scheduling again after stop() (React's strict mode mounts effects twice). */
  resume(): void {
    this.stopped = false;
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.waiting.values()) clearTimeout(timer);
    this.waiting.clear();
  }

  private async fill(roomId: string, failures: number): Promise<void> {
    if (this.stopped) return;
    try {
      await fillGaps(this.queryClient, roomId);
    } catch (error) {
      if (failures >= RETRIES) {
        console.warn("parley: could not fill a gap; reloading the room", error);
        await reloadRoomMessages(this.queryClient, roomId).catch(() => undefined);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** failures));
      await this.fill(roomId, failures + 1);
    }
  }
}
