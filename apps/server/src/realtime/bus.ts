import type { Message, Room, RoomUpdatedFrame } from "@parley/protocol";

type RoomChanges = RoomUpdatedFrame["changes"];

/**
 * Events that actions publish after their transaction commits. Topics are `room:<id>` (every
 * connection of every member) and `user:<id>` (every connection of one user).
 */
export type BusEvent =
  | { type: "message.new"; message: Message }
  | {
      type: "membership";
      roomId: string;
      userId: string;
      joined: boolean;
      room: Room | null;
      reason?: "left" | "kicked" | "banned" | "deleted";
    }
  /** The room's member count changed (someone joined or left). */
  | { type: "room.members"; roomId: string; memberCount: number }
  /** Messages of this user in the room up to `seq` reached another member (user topic). */
  | { type: "delivered"; roomId: string; seq: number }
  /** An administrator deactivated the account: every socket of it must close. */
  | { type: "user.deactivated" }
  /** A room's settings changed (room topic). */
  | { type: "room.updated"; roomId: string; changes: RoomChanges }
  /** A session was signed out: its sockets must close. */
  | { type: "session.ended"; tokenHash: string };

export type BusHandler = (event: BusEvent) => void;

/**
 * The fan-out seam. The in-process bus is the embedded default; a Redis implementation of
 * the same interface will carry events between nodes when the app scales out.
 */
export interface Bus {
  publish(topic: string, event: BusEvent): void;
  /** Returns the function that unsubscribes. */
  subscribe(topic: string, handler: BusHandler): () => void;
  close(): Promise<void>;
}

export const roomTopic = (roomId: string) => `room:${roomId}`;
export const userTopic = (userId: string) => `user:${userId}`;

export function createInProcessBus(onHandlerError: (error: unknown) => void): Bus {
  const handlers = new Map<string, Set<BusHandler>>();
  return {
    publish(topic, event) {
      for (const handler of handlers.get(topic) ?? []) {
        // One broken subscriber must not stop delivery to the others.
        try {
          handler(event);
        } catch (error) {
          onHandlerError(error);
        }
      }
    },
    subscribe(topic, handler) {
      let set = handlers.get(topic);
      if (!set) {
        set = new Set();
        handlers.set(topic, set);
      }
      set.add(handler);
      return () => {
        const current = handlers.get(topic);
        current?.delete(handler);
        if (current?.size === 0) handlers.delete(topic);
      };
    },
    async close() {
      handlers.clear();
    },
  };
}
