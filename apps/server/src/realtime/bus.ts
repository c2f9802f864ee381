import type {
  MarkNotificationsReadRequest,
  Message,
  Notification,
  Profile,
  PublicUser,
  ReadReceipt,
  ReadState,
  Room,
  RoomUpdatedFrame,
  UserPresence,
} from "@parley/protocol";

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
  | { type: "session.ended"; tokenHash: string }
  /** My read state in a room moved (user topic: every device of mine). */
  | { type: "read.updated"; read: ReadState }
  /** A member's read pointer moved in a room that shows read receipts (room topic). */
  | { type: "receipt.read"; roomId: string; receipt: ReadReceipt }
  /** A new inbox entry for this user (user topic). */
  | { type: "notification.new"; notification: Notification }
  /** Some or all of this user's inbox entries were marked read (user topic). */
  | { type: "notifications.read"; read: MarkNotificationsReadRequest; unreadCount: number }
  /** Someone's profile changed (their user topic, and the topic of each room they are in). */
  | { type: "profile.updated"; profile: Profile }
  /** Background jobs were committed: workers look for due jobs now (jobs topic). */
  | { type: "jobs.queued"; dueAt?: string }
  /** Someone is typing (room topic). Ephemeral: never stored, never in the room log. */
  | { type: "typing"; roomId: string; user: PublicUser }
  /** A person's aggregate presence changed (presence topic of that person). Ephemeral. */
  | { type: "presence"; presence: UserPresence };

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
/** One person's presence changes, heard by the connections that display that person. */
export const presenceTopic = (userId: string) => `presence:${userId}`;
/** Committed background jobs wake the job workers (of every node, once the bus is Redis). */
export const JOBS_TOPIC = "jobs";

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
