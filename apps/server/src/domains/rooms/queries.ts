import type { Database } from "@parley/db";
import type { NotifyLevel, PublicUser, Room, RoomRole } from "@parley/protocol";
import type { ExpressionBuilder, Kysely, Selectable } from "kysely";
import { escapeLike, likeInsensitive } from "../../db/like";
import { paddedIn } from "../../db/statement-shapes";
import type { RoomResource } from "../../rules/rules";
import { avatarImageUrl } from "../profiles/to-profile";

type RoomRow = Selectable<Database["rooms"]>;

function toRoom(
  row: RoomRow,
  lastActivityAt: string | null,
  memberCount: number,
  me: { role: RoomRole | null; mutedUntil: string | null; notify: NotifyLevel | null },
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
    readReceipts: row.read_receipts,
    avatarUrl: avatarImageUrl(row.avatar_hash),
    avatarThumbUrl: avatarImageUrl(row.avatar_thumb_hash),
    people,
    createdAt: row.created_at,
    lastSeq: Number(row.last_seq),
    lastActivityAt,
    memberCount,
    myRole: me.role,
    // A mute that has run out is no mute.
    myMutedUntil: me.mutedUntil && me.mutedUntil > new Date().toISOString() ? me.mutedUntil : null,
    myNotify: me.role === null ? null : (me.notify ?? defaultNotifyLevel(row.kind)),
  };
}

/** Until a member chooses: every message of a direct conversation notifies; in a channel, mentions. */
export function defaultNotifyLevel(kind: Room["kind"]): NotifyLevel {
  return kind === "channel" ? "mentions" : "all";
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
  const rooms = await db
    .selectFrom("rooms")
    .select(["id", "visibility", "kind", "archived_at", "slow_mode_seconds"])
    .where("id", "in", paddedIn(roomIds))
    .execute();
  // One probe of the (room, user) key per pair: two IN lists would probe their cross product
  // (rooms × users: 2,500 probes for a batch of 50 one-to-one sends).
  const keyed = [
    ...new Map(
      pairs.flatMap((p) => (p.userId ? [[accessKey(p.roomId, p.userId), p] as const] : [])),
    ).values(),
  ];
  const ofPairs = (eb: ExpressionBuilder<Database, "room_members" | "room_bans">) =>
    eb(
      eb.refTuple("room_id", "user_id"),
      "in",
      paddedIn(keyed).map((p) => eb.tuple(p.roomId, p.userId ?? "")),
    );
  // An empty IN list is invalid SQL; with no users, no membership or ban can match.
  const members =
    keyed.length === 0
      ? []
      : await db
          .selectFrom("room_members")
          .select(["room_id", "user_id", "role", "muted_until", "last_posted_at"])
          .where(ofPairs)
          .execute();
  const bans =
    keyed.length === 0
      ? []
      : await db
          .selectFrom("room_bans")
          .select(["room_id", "user_id"])
          .where(ofPairs)
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

/**
 * `loadRoomAccess` for callers that come in bursts (a room's devices all sending receipts at
 * once, 500 people joining a room): the lookups asked for in one turn of the event loop are
 * answered by one `loadRoomAccessMany`. Each caller gets its own copy of the resource (the
 * route rules add the target and the message to it).
 */
export function batchedRoomAccess(db: Kysely<Database>) {
  let queue: Array<{
    userId: string | null;
    roomId: string;
    resolve: (access: RoomResource | null) => void;
    reject: (error: unknown) => void;
  }> = [];
  const run = async () => {
    const batch = queue;
    queue = [];
    try {
      const access = await loadRoomAccessMany(db, batch);
      for (const b of batch) {
        const resource = access.get(accessKey(b.roomId, b.userId));
        b.resolve(resource ? { ...resource } : null);
      }
    } catch (error) {
      for (const b of batch) b.reject(error);
    }
  };
  return (userId: string | null, roomId: string) =>
    new Promise<RoomResource | null>((resolve, reject) => {
      queue.push({ userId, roomId, resolve, reject });
      if (queue.length === 1) setImmediate(() => void run());
    });
}

/** One room as the given user sees it. */
export async function getRoom(db: Kysely<Database>, roomId: string, userId: string): Promise<Room | null> {
  const rooms = await queryRooms(db, userId, (q) => q.where("rooms.id", "=", roomId));
  return rooms[0] ?? null;
}

/**
 * Public channels, most recently active first (a room with no message yet counts from its
 * creation), with member counts and whether the user has joined. A non-blank `search` keeps
 * the rooms whose name or topic contains it, in any case.
 */
export function listPublicRooms(db: Kysely<Database>, userId: string, search = ""): Promise<Room[]> {
  return queryRooms(db, userId, (q) => {
    let query = q.where("rooms.kind", "=", "channel").where("rooms.visibility", "=", "public");
    if (search !== "") {
      const pattern = `%${escapeLike(search)}%`;
      // lower() on both sides, not ILIKE: SQLite has no ILIKE, and each database then folds
      // case the same way for the column and the text. ESCAPE because SQLite has no default.
      query = query.where((eb) =>
        eb.or([
          likeInsensitive(eb.ref("rooms.name"), pattern),
          likeInsensitive(eb.ref("rooms.topic"), pattern),
        ]),
      );
    }
    return query
      .orderBy((eb) => eb.fn.coalesce(lastActivityAt(eb), eb.ref("rooms.created_at")), "desc")
      .orderBy("rooms.id")
      .limit(200);
  });
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

/**
 * When the room's newest message was posted: one step down the (room_id, seq) unique index
 * from its top, instead of a max() over every message of the room.
 */
function lastActivityAt(eb: ExpressionBuilder<Database, "rooms">) {
  return (
    eb
      .selectFrom("messages as lm")
      .select("lm.created_at")
      .whereRef("lm.room_id", "=", "rooms.id")
      // Messages, not events on them: deleting an old message is not activity.
      .where("lm.kind", "=", "message")
      .orderBy("lm.seq", "desc")
      .limit(1)
      .$asScalar()
  );
}

function baseRoomQuery(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom("rooms")
    .leftJoin(
      db
        .selectFrom("room_members")
        .select(["room_id", "user_id", "role", "muted_until", "notify"])
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
      lastActivityAt(eb).as("last_activity_at"),
      "me.role as my_role",
      "me.muted_until as my_muted_until",
      "me.notify as my_notify",
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
      r.last_activity_at ?? null,
      Number(r.member_count ?? 0),
      { role: r.my_role ?? null, mutedUntil: r.my_muted_until ?? null, notify: r.my_notify ?? null },
      people.get(r.id) ?? [],
    ),
  );
}

/**
 * For DMs and group DMs: the members other than the viewer, by room and by name (one query):
 * what DMs are named by.
 */
export async function conversationPeople(
  db: Kysely<Database>,
  roomIds: string[],
  viewerId: string,
): Promise<Map<string, PublicUser[]>> {
  const members = await conversationMembers(db, roomIds);
  for (const [roomId, people] of members) {
    members.set(
      roomId,
      people.filter((p) => p.id !== viewerId),
    );
  }
  return members;
}

/** All members of each of these rooms, by name (for many viewers at once; keep it to DMs). */
export async function conversationMembers(
  db: Kysely<Database>,
  roomIds: string[],
): Promise<Map<string, PublicUser[]>> {
  const byRoom = new Map<string, PublicUser[]>();
  if (roomIds.length === 0) return byRoom;
  const rows = await db
    .selectFrom("room_members")
    .innerJoin("users", "users.id", "room_members.user_id")
    .select(["room_members.room_id", "users.id", "users.display_name"])
    .where("room_members.room_id", "in", paddedIn(roomIds))
    .orderBy("users.display_name")
    .execute();
  for (const r of rows) {
    const list = byRoom.get(r.room_id) ?? [];
    list.push({ id: r.id, displayName: r.display_name });
    byRoom.set(r.room_id, list);
  }
  return byRoom;
}
