import { z } from "zod";
import { PublicUser } from "./accounts";
import { AttachmentIds } from "./attachments";
import { ClientId, ErrorBody, Id, Seq } from "./common";
import { Message, MessageBody, sendHasContent } from "./messages";
import { MarkNotificationsReadRequest, Notification } from "./notifications";
import { PRESENCE_WATCH_MAX, PresenceState, UserPresence } from "./presence";
import { Profile } from "./profiles";
import { ReadReceipt, ReadReceiptsSetting, ReadState } from "./read-state";
import { Room } from "./rooms";

/** Path of the WebSocket endpoint, on the same origin as the web app. */
export const SOCKET_PATH = "/ws";

/**
 * WebSocket close codes the server uses (4000-4999 are application codes). The client
 * decides from the code whether to reconnect.
 */
export const CLOSE_CODES = {
  /** The session is missing or expired: do not reconnect, sign in again. */
  UNAUTHENTICATED: 4401,
  /** The server is shutting down or restarting: reconnect with backoff. */
  SERVER_RESTART: 4503,
  /** The client could not keep up with its outgoing buffer: reconnect and resume. */
  TOO_SLOW: 4508,
} as const;

/** Frame type names, as constants so neither side spells them twice. */
export const CLIENT_FRAME = {
  SYNC: "sync",
  SEND: "message.send",
  RECEIPT: "receipt",
  TYPING: "typing",
  PRESENCE: "presence",
  PRESENCE_WATCH: "presence.watch",
} as const;

export const SERVER_FRAME = {
  READY: "ready",
  MESSAGE: "message.new",
  ACK: "message.ack",
  SYNCED: "sync.done",
  RESYNC: "room.resync",
  MEMBERSHIP: "membership",
  ROOM_MEMBERS: "room.members",
  DELIVERED: "delivered",
  ROOM_UPDATED: "room.updated",
  READ: "read.updated",
  READ_RECEIPT: "receipt.read",
  NOTIFICATION: "notification.new",
  NOTIFICATIONS_READ: "notifications.read",
  PROFILE_UPDATED: "profile.updated",
  TYPING: "typing",
  PRESENCE: "presence",
  ERROR: "error",
} as const;

// ---- client -> server ----

/**
 * Sent after every (re)connect: the last sequence the client has seen per room. The server
 * answers with exactly the messages after each cursor, then `sync.done`, then live messages.
 */
export const SyncFrame = z.object({
  type: z.literal(CLIENT_FRAME.SYNC),
  cursors: z.array(z.object({ roomId: Id, afterSeq: Seq })).max(1000),
});

/** Send a message; acked with `message.ack` carrying the same clientId. */
export const SendFrame = z
  .object({
    type: z.literal(CLIENT_FRAME.SEND),
    roomId: Id,
    clientId: ClientId,
    body: MessageBody,
    attachmentIds: AttachmentIds.optional(),
    /** A message of the same room that this one answers. */
    replyToId: Id.optional(),
    /** Post in the thread under this message of the same room. */
    threadRootId: Id.optional(),
  })
  .refine(sendHasContent, { message: "Message is empty", path: ["body"] });

/**
 * Delivery receipt: this device has received every message of the room up to `seq`. Sent
 * (debounced) as messages arrive; it lets authors see "delivered".
 */
export const ReceiptFrame = z.object({
  type: z.literal(CLIENT_FRAME.RECEIPT),
  roomId: Id,
  seq: Seq,
});

/** I am typing in this room (sent at most every TYPING_SEND_INTERVAL_MS; never stored). */
export const TypingFrame = z.object({
  type: z.literal(CLIENT_FRAME.TYPING),
  roomId: Id,
});

/** This tab's state: idle after IDLE_AFTER_MS without input or hidden, active again on input. */
export const PresenceFrame = z.object({
  type: z.literal(CLIENT_FRAME.PRESENCE),
  state: PresenceState,
});

/**
 * The people whose presence this tab displays, replacing the previous list. The server answers
 * with each newly watched person's `presence` at once, then sends their changes.
 */
export const PresenceWatchFrame = z.object({
  type: z.literal(CLIENT_FRAME.PRESENCE_WATCH),
  userIds: z.array(Id).max(PRESENCE_WATCH_MAX),
});

export const ClientFrame = z.discriminatedUnion("type", [
  SyncFrame,
  SendFrame,
  ReceiptFrame,
  TypingFrame,
  PresenceFrame,
  PresenceWatchFrame,
]);
export type ClientFrame = z.infer<typeof ClientFrame>;
export type SyncFrame = z.infer<typeof SyncFrame>;
export type SendFrame = z.infer<typeof SendFrame>;
export type ReceiptFrame = z.infer<typeof ReceiptFrame>;
export type TypingFrame = z.infer<typeof TypingFrame>;
export type PresenceFrame = z.infer<typeof PresenceFrame>;
export type PresenceWatchFrame = z.infer<typeof PresenceWatchFrame>;

// ---- server -> client ----

export const ReadyFrame = z.object({
  type: z.literal(SERVER_FRAME.READY),
  user: PublicUser,
});

export const MessageFrame = z.object({
  type: z.literal(SERVER_FRAME.MESSAGE),
  message: Message,
});

export const AckFrame = z.object({
  type: z.literal(SERVER_FRAME.ACK),
  clientId: z.string(),
  message: Message,
  duplicate: z.boolean(),
});

export const SyncedFrame = z.object({
  type: z.literal(SERVER_FRAME.SYNCED),
});

/** The client's cursor for this room is too far behind: reload the room over REST. */
export const ResyncFrame = z.object({
  type: z.literal(SERVER_FRAME.RESYNC),
  roomId: Id,
});

/** The user joined or left a room (possibly from another tab or device). */
export const MembershipFrame = z.object({
  type: z.literal(SERVER_FRAME.MEMBERSHIP),
  roomId: Id,
  joined: z.boolean(),
  room: Room.nullable(),
  /** Why the user is no longer a member, when they did not leave themselves. */
  reason: z.enum(["left", "kicked", "banned", "deleted"]).optional(),
});

/** Someone joined or left a room the user is in: its member count changed. */
export const RoomMembersFrame = z.object({
  type: z.literal(SERVER_FRAME.ROOM_MEMBERS),
  roomId: Id,
  memberCount: z.number().int().nonnegative(),
});

/**
 * Your messages in this room up to `seq` have reached at least one other member's device.
 * Sent to the authors concerned when a receipt arrives, and after a sync.
 */
export const DeliveredFrame = z.object({
  type: z.literal(SERVER_FRAME.DELIVERED),
  roomId: Id,
  seq: Seq,
});

/** A room's settings changed (name, topic, description, archive, slow mode, picture). */
export const RoomUpdatedFrame = z.object({
  type: z.literal(SERVER_FRAME.ROOM_UPDATED),
  roomId: Id,
  changes: z.object({
    name: z.string().optional(),
    topic: z.string().optional(),
    description: z.string().optional(),
    archived: z.boolean().optional(),
    slowModeSeconds: z.number().int().optional(),
    readReceipts: ReadReceiptsSetting.optional(),
    avatarUrl: z.string().nullable().optional(),
    avatarThumbUrl: z.string().nullable().optional(),
  }),
});
export type RoomUpdatedFrame = z.infer<typeof RoomUpdatedFrame>;

/** My read state in a room moved (from this or another of my devices). */
export const ReadUpdatedFrame = z.object({
  type: z.literal(SERVER_FRAME.READ),
  read: ReadState,
});
export type ReadUpdatedFrame = z.infer<typeof ReadUpdatedFrame>;

/**
 * Another member's read pointer in a room moved (rooms with read receipts on only). Receipts
 * only move forward; the client keeps the highest it has seen.
 */
export const ReadReceiptFrame = z.object({
  type: z.literal(SERVER_FRAME.READ_RECEIPT),
  roomId: Id,
  receipt: ReadReceipt,
});
export type ReadReceiptFrame = z.infer<typeof ReadReceiptFrame>;

/** A new entry in my inbox (a mention, or a direct message). */
export const NotificationFrame = z.object({
  type: z.literal(SERVER_FRAME.NOTIFICATION),
  notification: Notification,
});
export type NotificationFrame = z.infer<typeof NotificationFrame>;

/**
 * Some of my inbox entries (`ids`), or all of them, were marked read on one of my devices;
 * every device updates its inbox and badge (`unreadCount` is the server's count after it).
 */
export const NotificationsReadFrame = z.object({
  type: z.literal(SERVER_FRAME.NOTIFICATIONS_READ),
  read: MarkNotificationsReadRequest,
  unreadCount: z.number().int().nonnegative(),
});
export type NotificationsReadFrame = z.infer<typeof NotificationsReadFrame>;

/** Someone (never you) is typing in a room you are in. */
export const TypingServerFrame = z.object({
  type: z.literal(SERVER_FRAME.TYPING),
  roomId: Id,
  user: PublicUser,
});
export type TypingServerFrame = z.infer<typeof TypingServerFrame>;

/** A watched person's presence: at once when watched, then on every change. */
export const PresenceServerFrame = UserPresence.extend({
  type: z.literal(SERVER_FRAME.PRESENCE),
});
export type PresenceServerFrame = z.infer<typeof PresenceServerFrame>;

/**
 * Someone's profile changed (name, status, avatar): sent to their own devices and to the
 * members of the rooms they are in, carrying the whole profile so nobody needs to refetch.
 */
export const ProfileUpdatedFrame = z.object({
  type: z.literal(SERVER_FRAME.PROFILE_UPDATED),
  profile: Profile,
});
export type ProfileUpdatedFrame = z.infer<typeof ProfileUpdatedFrame>;

/** A frame could not be processed. `clientId` ties it to a send when there was one. */
export const ErrorFrame = z.object({
  type: z.literal(SERVER_FRAME.ERROR),
  clientId: z.string().optional(),
  error: ErrorBody.shape.error,
  /** With RATE_LIMITED: seconds to wait before sending again. */
  retryAfterSeconds: z.number().int().positive().optional(),
});

export const ServerFrame = z.discriminatedUnion("type", [
  ReadyFrame,
  MessageFrame,
  AckFrame,
  SyncedFrame,
  ResyncFrame,
  MembershipFrame,
  RoomMembersFrame,
  DeliveredFrame,
  RoomUpdatedFrame,
  ReadUpdatedFrame,
  ReadReceiptFrame,
  NotificationFrame,
  NotificationsReadFrame,
  ProfileUpdatedFrame,
  TypingServerFrame,
  PresenceServerFrame,
  ErrorFrame,
]);
export type ServerFrame = z.infer<typeof ServerFrame>;
export type AckFrame = z.infer<typeof AckFrame>;
export type ErrorFrame = z.infer<typeof ErrorFrame>;
export type MembershipFrame = z.infer<typeof MembershipFrame>;
export type RoomMembersFrame = z.infer<typeof RoomMembersFrame>;
export type DeliveredFrame = z.infer<typeof DeliveredFrame>;
