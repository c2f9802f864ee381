import type { Generated } from "kysely";

/**
 * The database as Kysely sees it. Column types are the portable subset that SQLite and
 * PostgreSQL share: text, integer; timestamps are ISO-8601 text so they sort and compare the
 * same on both.
 */
export interface UsersTable {
  id: string;
  /** Lower-cased; unique. */
  email: string;
  display_name: string;
  /** argon2id PHC string. */
  password_hash: string;
  created_at: string;
  /** 1 for server administrators (the first account is one). */
  is_admin: Generated<number>;
  /** Set when an administrator deactivated the account: no sign-in, no sessions. */
  deactivated_at: string | null;
  /** When the person's presence last came online or went offline (null: never seen since). */
  last_seen_at: string | null;
  /** One line shown under the name; "" when none. */
  status_text: Generated<string>;
  /** sha256 (hex) of the 256 px avatar in the media store's "avatars"; null: no avatar. */
  avatar_hash: string | null;
  /** sha256 (hex) of the 64 px variant; set and cleared together with avatar_hash. */
  avatar_thumb_hash: string | null;
  /** When the person proved the inbox is theirs (verification or reset link); null: not yet. */
  email_verified_at: string | null;
  /** 1: email a digest of missed mentions and DMs when no push works; 0: never. */
  email_digest: Generated<number>;
}

export interface SessionsTable {
  /** sha256 of the opaque token in the cookie; the token itself is never stored. */
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  /** Public name of the session (settings, sign out one); random, never derived from the token. */
  id: string;
  /** As the browser sent it at sign-in (capped); null for sessions older than the column. */
  user_agent: string | null;
  ip: string | null;
  /** Touched at most every few minutes (see domains/accounts/sessions.ts). */
  last_used_at: string | null;
}

/** A single-use link sent by email; only the SHA-256 of its token is stored. */
export interface EmailTokensTable {
  token_hash: string;
  user_id: string;
  purpose: "verify" | "reset";
  /** The address the link was sent to: it proves only that address. */
  email: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface RoomsTable {
  id: string;
  name: string;
  topic: string;
  visibility: "public" | "private";
  created_by: string;
  created_at: string;
  /** The last sequence number handed out in this room; bumped in the insert's transaction. */
  last_seq: number;
  kind: Generated<"channel" | "dm" | "group">;
  /** DMs and group DMs: sorted member ids, unique, so a conversation is found again. */
  dm_key: string | null;
  description: Generated<string>;
  /** Archived rooms are read-only. */
  archived_at: string | null;
  /** One message per member per this many seconds; 0 = off. */
  slow_mode_seconds: Generated<number>;
  /** Read receipts: on, off, or auto (on for small rooms); DMs always show them. */
  read_receipts: Generated<"auto" | "on" | "off">;
  /** How far the search index has read this room's log (see domains/search/index-room.ts). */
  indexed_seq: Generated<number>;
  /** sha256 (hex) of the channel's 256 px picture in the media store's "avatars"; null: none. */
  avatar_hash: string | null;
  /** sha256 (hex) of its 64 px variant; set and cleared together with avatar_hash. */
  avatar_thumb_hash: string | null;
}

export interface RoomMembersTable {
  room_id: string;
  user_id: string;
  role: "owner" | "admin" | "moderator" | "member";
  joined_at: string;
  /** Highest seq this member's devices have received (delivery receipts); only grows. */
  received_seq: Generated<number>;
  /** Muted until this time (reads, cannot post or react). */
  muted_until: string | null;
  /** For slow mode. */
  last_posted_at: string | null;
  /** Highest seq this member has read (seen in a focused window); only grows. */
  read_seq: Generated<number>;
  /** Notification level here; null: the default for the room's kind. */
  notify: "all" | "mentions" | "mute" | null;
}

export interface NotificationsTable {
  id: string;
  user_id: string;
  room_id: string;
  message_id: string;
  seq: number;
  author_id: string;
  kind: "mention" | "room" | "here" | "dm" | "thread";
  created_at: string;
  read_at: string | null;
  /** Sent in a digest email (see domains/email/send-digest.ts); null: not emailed. */
  emailed_at: string | null;
}

export interface RoomBansTable {
  room_id: string;
  user_id: string;
  reason: Generated<string>;
  banned_by: string;
  created_at: string;
  /** Null: until lifted. */
  expires_at: string | null;
}

export interface RoomInvitesTable {
  id: string;
  /** sha256 of the link's code. */
  code_hash: string;
  room_id: string;
  created_by: string;
  created_at: string;
  expires_at: string | null;
  max_uses: number | null;
  uses: Generated<number>;
  revoked_at: string | null;
}

export interface AuditLogTable {
  id: string;
  room_id: string | null;
  actor_id: string;
  action: string;
  target_user_id: string | null;
  /** JSON text. */
  details: Generated<string>;
  created_at: string;
}

export interface MessagesTable {
  id: string;
  room_id: string;
  seq: number;
  author_id: string;
  /** Client-generated; unique per (room, author) so a retried send is not stored twice. */
  client_id: string;
  /** Empty once the message is deleted. */
  body: string;
  created_at: string;
  /** "message", or an event on an earlier message ("deletion", "edit"); every kind takes a seq. */
  kind: Generated<"message" | "deletion" | "edit" | "reaction" | "unreaction">;
  /** Events: the message they act on. */
  target_id: string | null;
  deleted_at: string | null;
  /** The user who deleted it (the author, or a moderator). */
  deleted_by: string | null;
  /** When the text was last edited (null: never). */
  edited_at: string | null;
  /** The seq of the newest event (edit, deletion, reaction) applied to this message; 0: none. */
  event_seq: Generated<number>;
  /** The earlier message of the same room this one replies to. */
  reply_to_id: string | null;
  /** A reply in a thread: the thread's root (a message of the same room, not itself a reply). */
  thread_root_id: string | null;
  /** On a root: its replies (deleted ones too), and the newest one's seq and time. */
  thread_reply_count: Generated<number>;
  thread_last_seq: Generated<number>;
  thread_last_at: string | null;
  /** On a root: JSON array of the last three repliers ({id, displayName}), newest first. */
  thread_repliers: string | null;
}

/** Who follows a thread, and the room seq of the newest reply they have read in it. */
export interface ThreadFollowsTable {
  root_id: string;
  user_id: string;
  room_id: string;
  /** 1 following; 0 unfollowed (kept so an explicit unfollow is remembered). */
  following: Generated<number>;
  read_seq: Generated<number>;
  created_at: string;
}

/** One person's reaction with one emoji on one message. */
export interface MessageReactionsTable {
  message_id: string;
  user_id: string;
  emoji: string;
  created_at: string;
}

/** A text an edit replaced (the message row has the newest); gone when the message is deleted. */
export interface MessageVersionsTable {
  id: string;
  message_id: string;
  body: string;
  replaced_at: string;
  replaced_by: string;
}

export type JobStatus = "pending" | "running" | "done" | "parked";

export interface JobsTable {
  id: string;
  /** The job definition's id. */
  kind: string;
  /** Version of the payload schema it was written with. */
  version: number;
  /** JSON text. */
  payload: string;
  status: JobStatus;
  attempts: Generated<number>;
  run_after: string;
  /** Lease of the worker running it; past it, the job is claimed again. */
  locked_until: string | null;
  last_error: string | null;
  /** At most one job per (kind, key). */
  dedupe_key: string | null;
  created_at: string;
  updated_at: string;
}

/**
 * One row per message in the search index (domains/search), written only by the
 * "index-messages" job. The indexed text and the index columns are dialect-specific (see the
 * search migration): SQLite adds `doc`, the FTS5 tables' rowid; PostgreSQL `words` and `body`.
 */
export interface SearchDocsTable {
  message_id: string;
}

/**
 * A file uploaded to a room: pending (message_id null, only its uploader may attach it) until
 * a message carries it. Blobs are in the media store's "attachments" namespace.
 */
export interface AttachmentsTable {
  id: string;
  room_id: string;
  uploader_id: string;
  message_id: string | null;
  kind: "image" | "video" | "file";
  mime: string;
  /** Sanitised file name. */
  name: string;
  size: number;
  /** sha256 (hex) of the stored bytes (images: re-encoded without metadata). */
  sha256: string;
  width: number | null;
  height: number | null;
  /** sha256 of the webp thumbnail (images only). */
  thumb_sha256: string | null;
  /** Its place among its message's files, in the order the sender chose them. */
  position: Generated<number>;
  created_at: string;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  email_tokens: EmailTokensTable;
  rooms: RoomsTable;
  room_members: RoomMembersTable;
  messages: MessagesTable;
  message_versions: MessageVersionsTable;
  message_reactions: MessageReactionsTable;
  room_bans: RoomBansTable;
  room_invites: RoomInvitesTable;
  audit_log: AuditLogTable;
  jobs: JobsTable;
  notifications: NotificationsTable;
  thread_follows: ThreadFollowsTable;
  search_docs: SearchDocsTable;
  attachments: AttachmentsTable;
  user_identities: UserIdentitiesTable;
  oidc_logins: OidcLoginsTable;
  push_subscriptions: PushSubscriptionsTable;
  push_settings: PushSettingsTable;
  push_room_state: PushRoomStateTable;
}

/** An account's identity at an OpenID Connect provider: its `sub` there. */
export interface UserIdentitiesTable {
  provider: string;
  subject: string;
  user_id: string;
  /** The email the provider gave when the identity was linked (for display; not trusted later). */
  email: string | null;
  created_at: string;
}

/** An OpenID Connect sign-in in flight, keyed by the `state` sent to the provider. */
export interface OidcLoginsTable {
  state: string;
  provider: string;
  /** SHA-256 of the token in the browser's cookie: only that browser may finish the sign-in. */
  browser_hash: string;
  nonce: string;
  code_verifier: string;
  redirect_uri: string;
  next_path: string;
  /** Started by this signed-in account: link the identity to it. */
  link_user_id: string | null;
  expires_at: string;
}

/** A device's Web Push subscription (see migration 2026-11-25T0700-push). */
export interface PushSubscriptionsTable {
  id: string;
  user_id: string;
  /** The push service URL; unique. */
  endpoint: string;
  /** The browser's P-256 public key and auth secret (base64url) payloads are encrypted to. */
  p256dh: string;
  auth: string;
  user_agent: string;
  /** "Chrome on Android"-style name shown in the device list. */
  label: string;
  /** Random secret in every payload: the service worker's receipt proves it with this. */
  receipt_token: string;
  created_at: string;
  last_sent_at: string | null;
  last_confirmed_at: string | null;
  /** The first push sent since the last receipt; null when everything sent was confirmed. */
  unconfirmed_since: string | null;
  failures: Generated<number>;
  last_error: string | null;
  test_sent_at: string | null;
  test_confirmed_at: string | null;
}

/** A person's push preferences; no row: the defaults. */
export interface PushSettingsTable {
  user_id: string;
  /** 1: notifications show the message text; 0: only who and where. */
  previews: Generated<number>;
}

/** Per person and room: how far pushes went, and whether a notification is probably shown. */
export interface PushRoomStateTable {
  user_id: string;
  room_id: string;
  pushed_seq: number;
  shown: Generated<number>;
}
