import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connectDb, migrateToLatest } from "@parley/db";
import SQLite from "better-sqlite3";
// The server's real query function: the figures are those of GET /api/search minus HTTP.
import { type MessageSearch, searchMessages } from "../../../apps/server/src/domains/search/search-messages";
import { round } from "../stats";
import { buildSearchIndex, generateHistory, PLANTED } from "./generate-history";

export const SEARCH_KINDS = ["word", "substring", "short", "filtered"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export interface SearchQueryResult {
  kind: SearchKind;
  label: string;
  /** Results on the first page (at most the page size, 20). */
  results: number;
  p50: number | null;
  p95: number | null;
  max: number | null;
}

export interface SearchBenchResult {
  db: "sqlite";
  messages: number;
  rooms: number;
  users: number;
  /** Share of the messages in rooms the searching user is a member of. */
  visibleShare: number;
  generateMs: number;
  indexMs: number;
  /** The database file after the index build (WAL checkpointed). */
  dbMiB: number;
  rounds: number;
  queries: SearchQueryResult[];
  /** Per kind, over every run of every query of that kind. */
  byKind: Array<{
    kind: SearchKind;
    runs: number;
    p50: number | null;
    p95: number | null;
    max: number | null;
  }>;
  /** Every run of every query. */
  overall: { runs: number; p50: number | null; p95: number | null; max: number | null };
}

function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? null;
}

function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    max: round(sorted[sorted.length - 1] ?? null),
  };
}

/**
 * Search p95 on a generated history: `messages` messages (1,000,000; 100,000 with --quick) in
 * 50 rooms by 200 people, written straight into a fresh SQLite database and indexed, then a
 * fixed set of queries — whole words, parts of words and URLs, short tokens, and filtered
 * ones — each run `rounds` times through the server's own searchMessages() as a member of 80 %
 * of the rooms. SQLite only: it is the default, and the index build is one bulk statement.
 */
export async function runSearchSuite(options: {
  messages: number;
  rounds: number;
  log: (message: string) => void;
  signal?: AbortSignal;
}): Promise<SearchBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), "parley-search-bench-"));
  const file = join(dir, "search.sqlite");
  try {
    const handle = connectDb({ kind: "sqlite", file });
    await migrateToLatest(handle);
    await handle.close();

    const shape = { messages: options.messages, rooms: 50, users: 200 };
    options.log(`search: writing ${shape.messages.toLocaleString("en")} messages`);
    const raw = new SQLite(file);
    raw.pragma("journal_mode = WAL");
    let started = performance.now();
    const history = generateHistory(raw, shape);
    const generateMs = Math.round(performance.now() - started);
    options.log(`search: written in ${(generateMs / 1000).toFixed(1)} s; building the index`);
    started = performance.now();
    buildSearchIndex(raw);
    const indexMs = Math.round(performance.now() - started);
    raw.pragma("wal_checkpoint(TRUNCATE)");
    raw.exec("analyze");
    const visible = raw
      .prepare(
        `select count(*) as n from messages where room_id in (${history.searcherRooms.map(() => "?").join(",")})`,
      )
      .get(...history.searcherRooms) as { n: number };
    raw.close();
    const dbMiB = Math.round(statSync(file).size / 1_048_576);
    options.log(`search: index built in ${(indexMs / 1000).toFixed(1)} s (${dbMiB} MiB); querying`);

    const queryHandle = connectDb({ kind: "sqlite", file });
    try {
      const room = history.searcherRooms[3] as string;
      const author = history.userIds[7] as string;
      const lastMonth = new Date(history.lastAt - 30 * 24 * 3_600_000).toISOString();
      const common = await mostCommonWord(queryHandle.db);
      const queries: Array<{ kind: SearchKind; label: string; search: Omit<MessageSearch, "limit"> }> = [
        { kind: "word", label: `"${PLANTED.deploy[1]}" (≈0.25 %)`, search: { q: PLANTED.deploy[1] } },
        { kind: "word", label: `"${PLANTED.rare[0]}" (≈0.01 %)`, search: { q: PLANTED.rare[0] } },
        { kind: "word", label: `"${common}" (the most common word)`, search: { q: common } },
        {
          kind: "word",
          label: `"${common} ${PLANTED.deploy[0]}" (two words)`,
          search: { q: `${common} ${PLANTED.deploy[0]}` },
        },
        { kind: "substring", label: '"deploy" (inside ≈1 % of messages)', search: { q: "deploy" } },
        { kind: "substring", label: '"ployme" (middle of a word)', search: { q: "ployme" } },
        { kind: "substring", label: '"example.com/" (URL, ≈2 %)', search: { q: "example.com/" } },
        { kind: "substring", label: '"pull/4242" (URL fragment)', search: { q: "pull/4242" } },
        { kind: "short", label: '"zq" (2 letters, no match: a scan)', search: { q: "zq" } },
        { kind: "short", label: '"42" (2 digits)', search: { q: "42" } },
        { kind: "filtered", label: '"deploy" in one room', search: { q: "deploy", roomId: room } },
        { kind: "filtered", label: '"deploy" from one person', search: { q: "deploy", from: author } },
        {
          kind: "filtered",
          label: '"deploy" in the last 30 days',
          search: { q: "deploy", after: lastMonth },
        },
        { kind: "filtered", label: `"${common}" in one room`, search: { q: common, roomId: room } },
      ];
      const samples = new Map<string, number[]>();
      const results = new Map<string, number>();
      const rounds = options.rounds;
      // One warm-up round (page cache, prepared statements), then the measured rounds.
      for (let r = -1; r < rounds; r++) {
        for (const query of queries) {
          if (options.signal?.aborted) throw options.signal.reason;
          const t = performance.now();
          const page = await searchMessages(queryHandle.db, history.searcherId, {
            ...query.search,
            limit: 20,
          });
          const elapsed = performance.now() - t;
          if (r < 0) continue;
          results.set(query.label, page.results.length);
          const list = samples.get(query.label) ?? [];
          list.push(elapsed);
          samples.set(query.label, list);
        }
      }
      const all = [...samples.values()].flat();
      return {
        db: "sqlite",
        ...shape,
        visibleShare: round(visible.n / shape.messages, 3) ?? 0,
        generateMs,
        indexMs,
        dbMiB,
        rounds,
        queries: queries.map((q) => ({
          kind: q.kind,
          label: q.label,
          results: results.get(q.label) ?? 0,
          ...summary(samples.get(q.label) ?? []),
        })),
        byKind: SEARCH_KINDS.map((kind) => {
          const runs = queries.filter((q) => q.kind === kind).flatMap((q) => samples.get(q.label) ?? []);
          return { kind, runs: runs.length, ...summary(runs) };
        }),
        overall: { runs: all.length, ...summary(all) },
      };
    } finally {
      await queryHandle.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The word in the most messages, read from the word index's own statistics. */
async function mostCommonWord(db: Parameters<typeof searchMessages>[0]): Promise<string> {
  const { sql } = await import("kysely");
  await sql`create virtual table temp.search_vocab using fts5vocab(main, search_words, row)`.execute(db);
  const top = await sql<{ term: string }>`select term from temp.search_vocab
    where length(term) >= 4 order by doc desc limit 1`.execute(db);
  return top.rows[0]?.term ?? "kalo";
}
