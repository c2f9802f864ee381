import type SQLite from "better-sqlite3";
import { SQLITE_BACKFILL_DOCS } from "../../../packages/db/src/migrations/2026-11-25T0100-search";

/** A deterministic pseudo-random source (mulberry32), so every run searches the same history. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const SYLLABLES = "ka lo mi ne ru sa te vi po da re li no mu fa ge bi zo ha ju".split(" ");
/** Words every query set relies on: each appears in a known share of messages. */
export const PLANTED = {
  /** In about 1 % of messages, inside longer words ("redeployment", "deployed"). */
  deploy: ["redeployment", "deployed", "deploying", "deploys"],
  /** In about 0.01 %: a needle. */
  rare: ["xylophonic"],
} as const;

export interface HistoryShape {
  messages: number;
  rooms: number;
  users: number;
}

export interface GeneratedHistory {
  roomIds: string[];
  userIds: string[];
  /** The user the queries run as, and the rooms they are a member of (80 % of all). */
  searcherId: string;
  searcherRooms: string[];
  firstAt: number;
  lastAt: number;
}

/**
 * Writes users, rooms, memberships and `shape.messages` messages straight into a migrated
 * SQLite database in one transaction (prepared statements, no ORM: about a million rows a
 * minute), then builds the search index the way the migration backfills it. Text is a Zipf-
 * like mix of ~4,000 made-up words with planted words and URLs, 4 to 24 words a message.
 */
export function generateHistory(
  sqlite: SQLite.Database,
  shape: HistoryShape,
  random = seeded(42),
): GeneratedHistory {
  const vocabulary = Array.from({ length: 4_000 }, () => {
    const n = 2 + Math.floor(random() * 3);
    return Array.from({ length: n }, () => SYLLABLES[Math.floor(random() * SYLLABLES.length)]).join("");
  });
  // Zipf-ish: the i-th word is drawn with weight 1/(i+1).
  const cumulative: number[] = [];
  let total = 0;
  for (let i = 0; i < vocabulary.length; i++) {
    total += 1 / (i + 1);
    cumulative.push(total);
  }
  const word = () => {
    const x = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return vocabulary[lo] as string;
  };
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;

  const id = () => crypto.randomUUID();
  const userIds = Array.from({ length: shape.users }, id);
  const roomIds = Array.from({ length: shape.rooms }, id);
  const searcherId = userIds[0] as string;
  const searcherRooms = roomIds.slice(0, Math.ceil(shape.rooms * 0.8));
  const now = Date.now();
  const firstAt = now - 365 * 24 * 3_600_000;
  const step = (now - firstAt) / shape.messages;
  const iso = new Date(firstAt).toISOString();

  const insertUser = sqlite.prepare(
    "insert into users (id, email, display_name, password_hash, created_at) values (?, ?, ?, 'x', ?)",
  );
  const insertRoom = sqlite.prepare(
    "insert into rooms (id, name, topic, visibility, created_by, created_at, last_seq) values (?, ?, '', 'public', ?, ?, ?)",
  );
  const insertMember = sqlite.prepare(
    "insert into room_members (room_id, user_id, role, joined_at) values (?, ?, 'member', ?)",
  );
  const insertMessage = sqlite.prepare(
    "insert into messages (id, room_id, seq, author_id, client_id, body, created_at) values (?, ?, ?, ?, ?, ?, ?)",
  );
  const seqs = new Map<string, number>();
  sqlite.transaction(() => {
    userIds.forEach((u, i) => {
      insertUser.run(u, `search-bench-${i}@bench.test`, `Person ${i}`, iso);
    });
    // Room counters are set after the messages; rooms first for the foreign keys.
    roomIds.forEach((r, i) => {
      insertRoom.run(r, `room-${i}`, searcherId, iso, 0);
    });
    for (const r of roomIds) {
      const members = new Set([searcherId, ...Array.from({ length: 20 }, () => pick(userIds))]);
      if (!searcherRooms.includes(r)) members.delete(searcherId);
      for (const u of members) insertMember.run(r, u, iso);
    }
    for (let i = 0; i < shape.messages; i++) {
      const room = pick(roomIds);
      const seq = (seqs.get(room) ?? 0) + 1;
      seqs.set(room, seq);
      const length = 4 + Math.floor(random() * 21);
      const words = Array.from({ length }, word);
      const roll = random();
      if (roll < 0.01) words.splice(Math.floor(random() * length), 0, pick(PLANTED.deploy));
      else if (roll < 0.0101) words.splice(Math.floor(random() * length), 0, PLANTED.rare[0]);
      else if (roll < 0.03)
        words.push(`https://git.example.com/${word()}/${word()}/pull/${1 + Math.floor(random() * 9_999)}`);
      insertMessage.run(
        id(),
        room,
        seq,
        pick(userIds),
        `c${i}`,
        words.join(" "),
        new Date(firstAt + i * step).toISOString(),
      );
    }
    const setSeq = sqlite.prepare("update rooms set last_seq = ? where id = ?");
    for (const [room, seq] of seqs) setSeq.run(seq, room);
  })();
  return { roomIds, userIds, searcherId, searcherRooms, firstAt, lastAt: now };
}

/** The index build: what the search migration does for existing history, in one transaction. */
export function buildSearchIndex(sqlite: SQLite.Database): void {
  sqlite.transaction(() => {
    sqlite.exec(SQLITE_BACKFILL_DOCS);
    for (const table of ["search_words", "search_trigrams"]) {
      sqlite.exec(`insert into ${table} (rowid, body)
        select d.doc, m.body from search_docs d join messages m on m.id = d.message_id`);
    }
  })();
}
