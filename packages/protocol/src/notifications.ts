import { z } from "zod";
import { PublicUser } from "./accounts";
import { Id, Seq, Timestamp } from "./common";
import { RoomKind } from "./rooms";

/**
 * Why I was notified: mentioned by name, by @room or @here, a direct message, or a reply in a
 * thread I follow.
 */
export const NotificationKind = z.enum(["mention", "room", "here", "dm", "thread"]);
export type NotificationKind = z.infer<typeof NotificationKind>;

/** One entry of my inbox. */
export const Notification = z.object({
  id: Id,
  kind: NotificationKind,
  room: z.object({ id: Id, kind: RoomKind, name: z.string(), people: z.array(PublicUser) }),
  messageId: Id,
  seq: Seq,
  author: PublicUser,
  /** The start of the message as it is now (empty once deleted). */
  excerpt: z.string(),
  deleted: z.boolean(),
  createdAt: Timestamp,
  read: z.boolean(),
  /** For a thread reply: the root message whose thread it is in (opens the thread). */
  threadRootId: Id.nullable().optional(),
});
export type Notification = z.infer<typeof Notification>;

export const NotificationsQuery = z.object({
  /** Page backwards from this notification (the oldest one shown; omit for the newest). */
  before: Id.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

export const NotificationsResponse = z.object({
  notifications: z.array(Notification),
  hasMore: z.boolean(),
  /** Unread notifications in all (the inbox's badge). */
  unreadCount: z.number().int().nonnegative(),
});
export type NotificationsResponse = z.infer<typeof NotificationsResponse>;

/** Longest excerpt of a message shown in the inbox and in desktop notifications. */
export const EXCERPT_LENGTH = 200;

/** Mark some of my notifications read, or all of them. */
export const MarkNotificationsReadRequest = z.union([
  z.object({ ids: z.array(Id).min(1).max(200) }),
  z.object({ all: z.literal(true) }),
]);
export type MarkNotificationsReadRequest = z.infer<typeof MarkNotificationsReadRequest>;

/** After marking: how many of my notifications stay unread (the inbox badge). */
export const MarkNotificationsReadResponse = z.object({ unreadCount: z.number().int().nonnegative() });
export type MarkNotificationsReadResponse = z.infer<typeof MarkNotificationsReadResponse>;
