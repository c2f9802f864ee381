import type { PresenceState, PresenceStatus } from "@parley/protocol";

/** A person's aggregate presence moved (computed by the tracker, recorded by PresenceService). */
export interface StatusChange {
  userId: string;
  from: PresenceStatus;
  to: PresenceStatus;
}

/**
 * Who is connected, per person and per connection, each entry with an expiry. The in-memory
 * tracker is the embedded default; a Redis one will implement the same interface so every
 * node sees every connection (a hash per person, field = connection id, value = state and
 * expiry; each operation one Lua script so the before/after aggregate is computed atomically).
 *
 * Expiry is what makes a crash safe: a node that dies stops refreshing its connections'
 * entries, and `expire()` on a surviving node drops them two heartbeats later, so nobody
 * stays "online" forever. Every method returns the status changes it caused, in the order it
 * caused them; callers record and publish them in that order.
 */
export interface PresenceTracker {
  /** A connection opened, reported its state, or answered a heartbeat: (re)set it, renew its expiry. */
  set(userId: string, connectionId: string, state: PresenceState): Promise<StatusChange | null>;
  /** The connection closed. */
  remove(userId: string, connectionId: string): Promise<StatusChange | null>;
  /** Drops every entry whose expiry passed (its connection's node stopped renewing it). */
  expire(): Promise<StatusChange[]>;
  /** The current status of each person; people with no live connection are "offline". */
  statuses(userIds: readonly string[]): Promise<Map<string, PresenceStatus>>;
}

/** Online if any connection is active, away if every one is idle, offline when there is none. */
export function aggregateStatus(states: Iterable<PresenceState>): PresenceStatus {
  let any = false;
  for (const state of states) {
    if (state === "active") return "online";
    any = true;
  }
  return any ? "away" : "offline";
}

/**
 * How long a presence entry lives without renewal. A live socket renews it each time it
 * answers a ping (once per heartbeat interval); two and a half intervals forgive one late
 * answer, and a silent node's people go offline within about as long as the heartbeat takes
 * to drop a silent socket (two intervals).
 */
export const presenceTtlMs = (heartbeatMs: number): number => Math.round(heartbeatMs * 2.5);
