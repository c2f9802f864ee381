import { z } from "zod";
import { PublicUser } from "./accounts";
import { Id, Seq, Timestamp } from "./common";
import { ROOM_NAME_MAX_LENGTH, ROOM_TOPIC_MAX_LENGTH } from "./limits";
import { NotifyLevel, ReadReceiptsSetting } from "./read-state";

/** Longest room-discovery search text. */
export const ROOM_SEARCH_MAX_LENGTH = 100;

export const RoomVisibility = z.enum(["public", "private"]);
/** A named channel, a 1:1 direct conversation, or a small group conversation (no owner). */
export const RoomKind = z.enum(["channel", "dm", "group"]);
export type RoomKind = z.infer<typeof RoomKind>;
export const RoomRole = z.enum(["owner", "admin", "moderator", "member"]);
export type RoomRole = z.infer<typeof RoomRole>;

export const Room = z.object({
  id: Id,
  kind: RoomKind,
  /** Channels only; a DM's name is made from `people` by the client. */
  name: z.string(),
  topic: z.string(),
  description: z.string(),
  visibility: RoomVisibility,
  /** Archived rooms are read-only. */
  archived: z.boolean(),
  /** Seconds between two messages of one member; 0 = off. */
  slowModeSeconds: z.number().int().nonnegative(),
  /** Who-has-read-what in this room (see `readReceiptsEnabled`). */
  readReceipts: ReadReceiptsSetting,
  /** A channel's picture, 256 px square (null: it shows its "#"); named by content hash. */
  avatarUrl: z.string().nullable(),
  /** The same picture, 64 px, for lists. */
  avatarThumbUrl: z.string().nullable(),
  /** DMs and group DMs: the other members (channels: empty). */
  people: z.array(PublicUser),
  createdAt: Timestamp,
  /** Sequence number of the newest message (0 when empty). */
  lastSeq: Seq,
  /** When the newest message was posted (null: no message yet). */
  lastActivityAt: Timestamp.nullable(),
  memberCount: z.number().int().nonnegative(),
  /** The caller's role, or null when the caller is not a member. */
  myRole: RoomRole.nullable(),
  /** The caller is muted here until this time (null: not muted). */
  myMutedUntil: Timestamp.nullable(),
  /** How much this room notifies me (null when not a member): DMs default to all, channels to mentions. */
  myNotify: NotifyLevel.nullable(),
});
export type Room = z.infer<typeof Room>;

export const CreateRoomRequest = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Room name is required")
    .max(ROOM_NAME_MAX_LENGTH, `At most ${ROOM_NAME_MAX_LENGTH} characters`),
  topic: z
    .string()
    .trim()
    .max(ROOM_TOPIC_MAX_LENGTH, `At most ${ROOM_TOPIC_MAX_LENGTH} characters`)
    .default(""),
  description: z.string().trim().max(2000, "At most 2000 characters").default(""),
  /** Private channels are not listed and are joined by invitation only. */
  visibility: RoomVisibility.default("public"),
});
export type CreateRoomRequest = z.input<typeof CreateRoomRequest>;

export const RoomParams = z.object({ roomId: Id });

export const RoomResponse = z.object({ room: Room });
export type RoomResponse = z.infer<typeof RoomResponse>;

/** Room discovery: public channels whose name or topic contains `q` (any case); blank = all. */
export const RoomSearchQuery = z.object({
  q: z
    .string()
    .trim()
    .max(ROOM_SEARCH_MAX_LENGTH, `At most ${ROOM_SEARCH_MAX_LENGTH} characters`)
    .default(""),
});
export type RoomSearchQuery = z.input<typeof RoomSearchQuery>;

export const RoomListResponse = z.object({ rooms: z.array(Room) });
export type RoomListResponse = z.infer<typeof RoomListResponse>;

/** Change a channel's settings (admins and owners). Every field optional. */
export const UpdateRoomRequest = z
  .object({
    name: z.string().trim().min(1, "Room name is required").max(ROOM_NAME_MAX_LENGTH).optional(),
    topic: z.string().trim().max(ROOM_TOPIC_MAX_LENGTH).optional(),
    description: z.string().trim().max(2000).optional(),
    /** One message per member per this many seconds (moderators and up are exempt); 0 = off. */
    slowModeSeconds: z.number().int().min(0).max(3600).optional(),
    readReceipts: ReadReceiptsSetting.optional(),
    archived: z.boolean().optional(),
  })
  .refine((r) => Object.values(r).some((v) => v !== undefined), "Nothing to change");
export type UpdateRoomRequest = z.infer<typeof UpdateRoomRequest>;

/** Open (find or create) a direct conversation: one other person, or a group of up to 7 more. */
export const OpenConversationRequest = z.object({
  userIds: z
    .array(Id)
    .min(1, "Choose at least one person")
    .max(7, "A group conversation has at most 8 people"),
});
export type OpenConversationRequest = z.infer<typeof OpenConversationRequest>;
