import type { Database } from "@parley/db";
import type { Room, RoomRole } from "@parley/protocol";
import type { Kysely } from "kysely";
import type { RoomResource } from "../../rules/rules";

type RoomRow = Database["rooms"];

function toRoom(row: RoomRow, memberCount: number, myRole: RoomRole | null): Room {
  return {
    id: row.id,
    name: row.name,
    topic: row.topic,
    visibility: row.visibility,
    createdAt: row.created_at,
    lastSeq: Number(row.last_seq),
    memberCount,
    myRole,
  };
}

function memberCounts(db: Kysely<Database>) {
  return db
    .selectFrom("room_members")
    .select(["room_id", (eb) => eb.fn.countAll<string | number>().as("n")])
    .groupBy("room_id");
}

export async function countMembers(db: Kysely<Database>, roomId: string): Promise<number> {
  const row = await db
    .selectFrom("room_members")
    .select((eb) => eb.fn.countAll<string | number>().as("n"))
    .where("room_id", "=", roomId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The room and the user's membership in it: what the rules module decides on. */
export async function loadRoomAccess(
  db: Kysely<Database>,
  userId: string | null,
  roomId: string,
): Promise<RoomResource | null> {
  const access = await loadRoomAccessMany(db, [{ roomId, userId }]);
  return access.get(accessKey(roomId, userId)) ?? null;
}

export const accessKey = (roomId: string, userId: string | null) => `${roomId}:${userId ?? ""}`;

/**
 * Room-plus-membership for many (room, user) pairs in one query (the send pipeline checks a
 * whole batch at once). Keyed by accessKey; a missing room maps to null.
 */
export async function loadRoomAccessMany(
  db: Kysely<Database>,
  pairs: ReadonlyArray<{ roomId: string; userId: string | null }>,
): Promise<Map<string, RoomResource | null>> {
  const roomIds = [...new Set(pairs.map((p) => p.roomId))];
  const userIds = [...new Set(pairs.flatMap((p) => (p.userId ? [p.userId] : [])))];
  const rows = await db
    .selectFrom("rooms")
    .leftJoin("room_members", (join) =>
      join
        .onRef("room_members.room_id", "=", "rooms.id")
        // An empty IN list is invalid SQL; no users means no membership can match.
        .on("room_members.user_id", "in", userIds.length > 0 ? userIds : [""]),
    )
    .select(["rooms.id", "rooms.visibility", "room_members.user_id", "room_members.role"])
    .where("rooms.id", "in", roomIds)
    .execute();
  const rooms = new Map<string, { id: string; visibility: "public" | "private" }>();
  const roles = new Map<string, RoomRole>();
  for (const row of rows) {
    rooms.set(row.id, { id: row.id, visibility: row.visibility });
    if (row.user_id && row.role) roles.set(accessKey(row.id, row.user_id), row.role);
  }
  const access = new Map<string, RoomResource | null>();
  for (const { roomId, userId } of pairs) {
    const room = rooms.get(roomId);
    const role = roles.get(accessKey(roomId, userId));
    access.set(accessKey(roomId, userId), room ? { room, membership: role ? { role } : null } : null);
  }
  return access;
}

/** One room as the given user sees it. */
export async function getRoom(db: Kysely<Database>, roomId: string, userId: string): Promise<Room | null> {
  const rooms = await queryRooms(db, userId, (q) => q.where("rooms.id", "=", roomId));
  return rooms[0] ?? null;
}

/** Public rooms, newest first, with member counts and whether the user has joined. */
export function listPublicRooms(db: Kysely<Database>, userId: string): Promise<Room[]> {
  return queryRooms(db, userId, (q) =>
    q.where("rooms.visibility", "=", "public").orderBy("rooms.created_at", "desc").limit(200),
  );
}

/** The rooms the user is a member of, by name. */
export function listMyRooms(db: Kysely<Database>, userId: string): Promise<Room[]> {
  return queryRooms(db, userId, (q) =>
    q.where("me.user_id", "is not", null).orderBy("rooms.name").orderBy("rooms.id"),
  );
}

type RoomQuery = ReturnType<typeof baseRoomQuery>;

function baseRoomQuery(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom("rooms")
    .leftJoin(memberCounts(db).as("mc"), "mc.room_id", "rooms.id")
    .leftJoin(
      db
        .selectFrom("room_members")
        .select(["room_id", "user_id", "role"])
        .where("user_id", "=", userId)
        .as("me"),
      "me.room_id",
      "rooms.id",
    )
    .selectAll("rooms")
    .select(["mc.n as member_count", "me.role as my_role"]);
}

async function queryRooms(
  db: Kysely<Database>,
  userId: string,
  refine: (q: RoomQuery) => RoomQuery,
): Promise<Room[]> {
  const rows = await refine(baseRoomQuery(db, userId)).execute();
  return rows.map((r) => toRoom(r, Number(r.member_count ?? 0), r.my_role ?? null));
}
