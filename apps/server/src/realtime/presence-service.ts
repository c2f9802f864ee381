import type { Database } from "@parley/db";
import type { PresenceState, UserPresence } from "@parley/protocol";
import type { Kysely } from "kysely";
import type { Logger } from "pino";
import { CoalescingWriter } from "../db/coalescing-writer";
import { type Bus, presenceTopic } from "./bus";
import type { PresenceTracker, StatusChange } from "./presence-tracker";

/**
 * Presence for the whole node: connections report to it, it asks the tracker what changed,
 * stores "last seen" when a person comes online or goes offline, and publishes every change on
 * that person's presence topic (heard by the connections that display them).
 *
 * Nothing here is in the room log and nothing is stored but `users.last_seen_at`: presence is
 * ephemeral and rebuilt from live connections after a restart.
 */
export class PresenceService {
  /** Per person, the recording of their changes in progress: they publish in the order made. */
  private readonly chains = new Map<string, Promise<void>>();
  private sweeper: ReturnType<typeof setInterval> | undefined;
  /**
   * "Last seen" writes, many in one commit: a restart reconnects thousands of sockets at once,
   * and each one coming online stores its time.
   */
  private readonly lastSeen = new CoalescingWriter<string>(
    (batch) =>
      this.deps.db.transaction().execute(async (tx) => {
        for (const [userId, at] of batch) {
          await tx.updateTable("users").set({ last_seen_at: at }).where("id", "=", userId).execute();
        }
      }),
    // A person's changes are recorded in the order made (see record): the newer time wins.
    (_older, newer) => newer,
  );

  constructor(
    private readonly deps: {
      db: Kysely<Database>;
      bus: Bus;
      log: Logger;
      tracker: PresenceTracker;
      /** How often expired entries (connections of a crashed node) are swept. */
      sweepEveryMs: number;
      now?: () => Date;
    },
  ) {}

  /** Sweeps expired entries until stop(); buildApp starts it. */
  start(): void {
    this.sweeper ??= setInterval(() => {
      void this.deps.tracker.expire().then(
        (changes) => {
          for (const change of changes) this.record(change.userId, Promise.resolve(change));
        },
        (error) => this.deps.log.error({ err: error }, "presence sweep failed"),
      );
    }, this.deps.sweepEveryMs);
    this.sweeper.unref();
  }

  /** Stops sweeping and waits for the changes being recorded (before the database closes). */
  async stop(): Promise<void> {
    clearInterval(this.sweeper);
    this.sweeper = undefined;
    await Promise.all(this.chains.values());
    await this.lastSeen.flush();
  }

  /** A connection opened, reported its state, or answered a heartbeat (which renews it). */
  set(userId: string, connectionId: string, state: PresenceState): void {
    // The tracker is called now, not at the end of the chain, so its changes are computed in
    // the order the connections reported them.
    this.record(userId, this.deps.tracker.set(userId, connectionId, state));
  }

  /** A connection closed (or was dropped by the heartbeat). */
  remove(userId: string, connectionId: string): void {
    this.record(userId, this.deps.tracker.remove(userId, connectionId));
  }

  /** The current presence of these people, for a connection that starts watching them. */
  async snapshot(userIds: readonly string[]): Promise<UserPresence[]> {
    if (userIds.length === 0) return [];
    const statuses = await this.deps.tracker.statuses(userIds);
    const offline = userIds.filter((id) => statuses.get(id) === "offline");
    const lastSeen = new Map<string, string | null>();
    if (offline.length > 0) {
      const rows = await this.deps.db
        .selectFrom("users")
        .select(["id", "last_seen_at"])
        .where("id", "in", offline)
        .execute();
      for (const row of rows) lastSeen.set(row.id, row.last_seen_at);
    }
    return userIds.map((userId) => {
      const status = statuses.get(userId) ?? "offline";
      return { userId, status, lastSeenAt: status === "offline" ? (lastSeen.get(userId) ?? null) : null };
    });
  }

  private record(userId: string, pending: Promise<StatusChange | null>): void {
    // Handled here at once: a failure must not count as unhandled while earlier changes finish.
    pending.catch(() => undefined);
    const previous = this.chains.get(userId) ?? Promise.resolve();
    const next = previous
      .then(() => pending)
      .then((change) => (change ? this.publish(change) : undefined))
      .catch((error) => this.deps.log.error({ err: error, userId }, "presence change failed"));
    this.chains.set(userId, next);
    void next.finally(() => {
      if (this.chains.get(userId) === next) this.chains.delete(userId);
    });
  }

  private async publish(change: StatusChange): Promise<void> {
    const at = (this.deps.now?.() ?? new Date()).toISOString();
    // "Last seen" is written at both edges of being connected: going offline is the real
    // moment, and coming online bounds it from below if this process dies without a goodbye.
    if (change.from === "offline" || change.to === "offline") {
      try {
        await this.lastSeen.add(change.userId, at);
      } catch (error) {
        // Watchers must still hear the change; only the stored "last seen" is behind.
        this.deps.log.error({ err: error, userId: change.userId }, "could not store last seen");
      }
    }
    this.deps.bus.publish(presenceTopic(change.userId), {
      type: "presence",
      presence: {
        userId: change.userId,
        status: change.to,
        lastSeenAt: change.to === "offline" ? at : null,
      },
    });
  }
}
