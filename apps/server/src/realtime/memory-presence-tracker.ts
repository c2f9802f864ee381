import type { PresenceState, PresenceStatus } from "@parley/protocol";
import { aggregateStatus, type PresenceTracker, type StatusChange } from "./presence-tracker";

interface Entry {
  state: PresenceState;
  expiresAt: number;
}

/**
 * The single-node tracker: a map in this process. Its state dies with the process, which is
 * exactly right for one node (every connection died with it too); the expiry still runs so the
 * behaviour matches what a shared (Redis) tracker must do for a crashed node.
 */
export function createMemoryPresenceTracker(options: {
  /** How long an entry lives without being renewed: about two heartbeat intervals. */
  ttlMs: number;
  now?: () => number;
}): PresenceTracker {
  const now = options.now ?? Date.now;
  const users = new Map<string, Map<string, Entry>>();

  const statusOf = (userId: string): PresenceStatus => {
    const connections = users.get(userId);
    return connections ? aggregateStatus([...connections.values()].map((e) => e.state)) : "offline";
  };
  const change = (userId: string, from: PresenceStatus): StatusChange | null => {
    const to = statusOf(userId);
    return from === to ? null : { userId, from, to };
  };
  const drop = (userId: string, connectionId: string): void => {
    const connections = users.get(userId);
    connections?.delete(connectionId);
    if (connections?.size === 0) users.delete(userId);
  };

  // Every method does its whole update synchronously before its promise resolves, so calls
  // take effect (and report their changes) in the order they were made.
  return {
    async set(userId, connectionId, state) {
      const from = statusOf(userId);
      let connections = users.get(userId);
      if (!connections) {
        connections = new Map();
        users.set(userId, connections);
      }
      connections.set(connectionId, { state, expiresAt: now() + options.ttlMs });
      return change(userId, from);
    },
    async remove(userId, connectionId) {
      const from = statusOf(userId);
      drop(userId, connectionId);
      return change(userId, from);
    },
    async expire() {
      const at = now();
      const changes: StatusChange[] = [];
      for (const [userId, connections] of [...users]) {
        const from = statusOf(userId);
        for (const [connectionId, entry] of [...connections]) {
          if (entry.expiresAt <= at) drop(userId, connectionId);
        }
        const moved = change(userId, from);
        if (moved) changes.push(moved);
      }
      return changes;
    },
    async statuses(userIds) {
      return new Map(userIds.map((id) => [id, statusOf(id)]));
    },
  };
}
