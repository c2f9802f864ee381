import type { Database } from "@parley/db";
import type { PublicUser, Room, RoomRole } from "@parley/protocol";
import type { Kysely, Selectable } from "kysely";
import type { RoomResource } from "../../rules/rules";

type RoomRow = Selectable<Database["rooms"]>;

function toRoom(
  row: RoomRow,
  memberCount: number,
  me: { role: RoomRole | null; mutedUntil: string | null },
  people: PublicUser[],
): Room {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    topic: row.topic,
    description: row.description,
    visibility: row.visibility,
    archived: row.archived_at !== null,
    slowModeSeconds: Number(row.slow_mode_seconds),
    people,
    createdAt: row.created_at,
    lastSeq: Number(row.last_seq),
    memberCount,
    myRole: me.role,
    // A mute that has run out is no mute.
    myMutedUntil: me.mutedUntil && me.mutedUntil > new Date().toISOString() ? me.mutedUntil : null,
  };
}

/** Someone's role in a room, or null when they are not a member. */
export async function roleOf(db: Kysely<Database>, roomId: string, userId: string): Promise<RoomRole | null> {
  const row = await db
    .selectFrom("room_members")
    .select("role")
    .where("room_id", "=", roomId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row?.role ?? null;
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
 * Room-plus-membership (and any active ban) for many (room, user) pairs in one query — the
 * send pipeline checks a whole batch at once. Keyed by accessKey; a missing room maps to null.
 */
export async function loadRoomAccessMany(
  db: Kysely<Database>,
  pairs: ReadonlyArray<{ roomId: string; userId: string | null }>,
  now: Date = new Date(),
): Promise<Map<string, RoomResource | null>> {
  const roomIds = [...new Set(pairs.map((p) => p.roomId))];
  // An empty IN list is invalid SQL; with no users, no membership or ban can match.
  const userIds = [...new Set(pairs.flatMap((p) => (p.userId ? [p.userId] : [])))];
  const users = userIds.length > 0 ? userIds : [""];
  const rooms = await db
    .selectFrom("rooms")
    .select(["id", "visibility", "kind", "archived_at", "slow_mode_seconds"])
    .where("id", "in", roomIds)
    .execute();
  const members = await db
    .selectFrom("room_members")
    .select(["room_id", "user_id", "role", "muted_until", "last_posted_at"])
    .where("room_id", "in", roomIds)
    .where("user_id", "in", users)
    .execute();
  const bans = await db
    .selectFrom("room_bans")
    .select(["room_id", "user_id"])
    .where("room_id", "in", roomIds)
    .where("user_id", "in", users)
    .where((eb) => eb.or([eb("expires_at", "is", null), eb("expires_at", ">", now.toISOString())]))
    .execute();
  const roomById = new Map(rooms.map((r) => [r.id, r]));
  const memberByKey = new Map(members.map((m) => [accessKey(m.room_id, m.user_id), m]));
  const banned = new Set(bans.map((b) => accessKey(b.room_id, b.user_id)));
  const access = new Map<string, RoomResource | null>();
  for (const { roomId, userId } of pairs) {
    const key = accessKey(roomId, userId);
    const room = roomById.get(roomId);
    const member = memberByKey.get(key);
    access.set(
      key,
      room
        ? {
            room: {
              id: room.id,
              visibility: room.visibility,
              kind: room.kind,
              archived: room.archived_at !== null,
              slowModeSeconds: Number(room.slow_mode_seconds),
            },
            membership: member
              ? { role: member.role, mutedUntil: member.muted_until, lastPostedAt: member.last_posted_at }
              : null,
            banned: banned.has(key),
          }
        : null,
    );
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
    q
      .where("rooms.kind", "=", "channel")
      .where("rooms.visibility", "=", "public")
      .orderBy("rooms.created_at", "desc")
      .limit(200),
  );
}

/** Every channel, for server administrators (first 1,000, newest first). */
export function listAllRooms(db: Kysely<Database>, userId: string): Promise<Room[]> {
  return queryRooms(db, userId, (q) =>
    q.where("rooms.kind", "=", "channel").orderBy("rooms.created_at", "desc").limit(1000),
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
    .leftJoin(
      db
        .selectFrom("room_members")
        .select(["room_id", "user_id", "role", "muted_until"])
        .where("user_id", "=", userId)
        .as("me"),
      "me.room_id",
      "rooms.id",
    )
    .selectAll("rooms")
    .select((eb) => [
      // Counted per room through the (room_id, user_id) key, not by grouping every membership.
      eb
        .selectFrom("room_members as rm")
        .select(eb.fn.countAll<string | number>().as("n"))
        .whereRef("rm.room_id", "=", "rooms.id")
        .as("member_count"),
      "me.role as my_role",
      "me.muted_until as my_muted_until",
    ]);
}

async function queryRooms(
  db: Kysely<Database>,
  userId: string,
  refine: (q: RoomQuery) => RoomQuery,
): Promise<Room[]> {
  const rows = await refine(baseRoomQuery(db, userId)).execute();
  const people = await conversationPeople(
    db,
    rows.filter((r) => r.kind !== "channel").map((r) => r.id),
    userId,
  );
  return rows.map((r) =>
    toRoom(
      r,
      Number(r.member_count ?? 0),
      { role: r.my_role ?? null, mutedUntil: r.my_muted_until ?? null },
      people.get(r.id) ?? [],
    ),
  );
}

/** For DMs and group DMs: the members other than the viewer, by room (one query). */
async function conversationPeople(
  db: Kysely<Database>,
  roomIds: string[],
  viewerId: string,
): Promise<Map<string, PublicUser[]>> {
  const byRoom = new Map<string, PublicUser[]>();
  if (roomIds.length === 0) return byRoom;
  const rows = await db
    .selectFrom("room_members")
    .innerJoin("users", "users.id", "room_members.user_id")
    .select(["room_members.room_id", "users.id", "users.display_name"])
    .where("room_members.room_id", "in", roomIds)
    .where("room_members.user_id", "<>", viewerId)
    .orderBy("users.display_name")
    .execute();
  for (const r of rows) {
    const list = byRoom.get(r.room_id) ?? [];
    list.push({ id: r.id, displayName: r.display_name });
    byRoom.set(r.room_id, list);
  }
  return byRoom;
}
