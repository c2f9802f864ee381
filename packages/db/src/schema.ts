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
}

export interface SessionsTable {
  /** sha256 of the opaque token in the cookie; the token itself is never stored. */
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
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
  body: string;
  created_at: string;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  rooms: RoomsTable;
  room_members: RoomMembersTable;
  messages: MessagesTable;
  room_bans: RoomBansTable;
  room_invites: RoomInvitesTable;
  audit_log: AuditLogTable;
}
