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
}

export interface RoomMembersTable {
  room_id: string;
  user_id: string;
  role: "owner" | "admin" | "moderator" | "member";
  joined_at: string;
  /** Highest seq this member's devices have received (delivery receipts); only grows. */
  received_seq: Generated<number>;
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
}
