import { parseArgs } from "node:util";

export type DbKind = "sqlite" | "postgres";
export const PHASES = ["idle", "fanout", "pingpong", "persisted", "baseline", "search"] as const;
export type Phase = (typeof PHASES)[number];

/** The sizes and durations of a run; `--quick` swaps in smaller ones. */
export interface Profile {
  /** Members of the fan-out rooms (one ladder each). */
  roomSizes: number[];
  /** Deliveries per second tried, lowest first, until one does not hold. */
  deliveryRates: number[];
  stepMs: number;
  /** Wall time one ladder may take before it stops climbing. */
  ladderBudgetMs: number;
  pairs: number;
  pingPongMs: number;
  persistedMs: number;
  idleCounts: number[];
  /** The whole run is aborted (and fails) past this. */
  hardStopMs: number;
  /** Search scenario (search/search-suite.ts): generated messages, measured rounds per query. */
  searchMessages: number;
  searchRounds: number;
  /** Added to hardStopMs when the search scenario runs (generating and indexing take a while). */
  searchHardStopMs: number;
}

export interface BenchOptions {
  db: DbKind;
  quick: boolean;
  workers: number;
  /** Un-acked sends per socket in the persisted-sends phase. */
  window: number;
  phases: Phase[];
  profile: Profile;
}

const FULL: Profile = {
  roomSizes: [50, 500],
  deliveryRates: [
    5_000, 10_000, 25_000, 50_000, 75_000, 100_000, 125_000, 150_000, 200_000, 250_000, 300_000, 400_000,
  ],
  stepMs: 2_500,
  ladderBudgetMs: 35_000,
  pairs: 100,
  pingPongMs: 4_000,
  persistedMs: 4_000,
  idleCounts: [1_000, 10_000],
  hardStopMs: 290_000,
  searchMessages: 1_000_000,
  searchRounds: 5,
  searchHardStopMs: 300_000,
};

// Every phase at small sizes: a smoke test that the whole machinery works, in under a minute.
const QUICK: Profile = {
  roomSizes: [50, 500],
  deliveryRates: [10_000, 25_000],
  stepMs: 700,
  ladderBudgetMs: 5_000,
  pairs: 100,
  pingPongMs: 1_000,
  persistedMs: 1_000,
  idleCounts: [1_000],
  hardStopMs: 90_000,
  searchMessages: 100_000,
  searchRounds: 5,
  searchHardStopMs: 60_000,
};

export const USAGE = `Usage: npm run bench -- [flags]
  --db sqlite|postgres   database of the main Parley server (default sqlite); the persisted-sends
                         phase also runs on the other one
  --quick                small sizes, every phase, < 60 s: a smoke test (results go to *-quick files)
  --only a,b             only these phases: ${PHASES.join(", ")} (results go to *-partial files)
                         (a --db postgres run writes *-postgres files; only a full SQLite run
                         updates latest.json, latest.md and BENCHMARKS.md)
  --workers N            generator processes (default 2)
  --window W             un-acked sends per socket in the persisted-sends phase (default 16)`;

function positiveInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got "${raw}"`);
  return n;
}

/** Parses the flags; throws with a readable message on anything unknown or malformed. */
export function parseOptions(argv: string[]): BenchOptions | "help" {
  const { values } = parseArgs({
    args: argv,
    options: {
      db: { type: "string" },
      quick: { type: "boolean" },
      only: { type: "string" },
      workers: { type: "string" },
      window: { type: "string" },
      help: { type: "boolean" },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return "help";
  const db = values.db ?? "sqlite";
  if (db !== "sqlite" && db !== "postgres") throw new Error(`--db must be sqlite or postgres, got "${db}"`);
  const phases = values.only ? values.only.split(",").map((p) => p.trim()) : [...PHASES];
  for (const p of phases) {
    if (!(PHASES as readonly string[]).includes(p)) throw new Error(`--only: unknown phase "${p}"`);
  }
  return {
    db,
    quick: values.quick ?? false,
    workers: positiveInt("workers", values.workers, 2),
    window: positiveInt("window", values.window, 16),
    phases: phases as Phase[],
    profile: values.quick ? QUICK : FULL,
  };
}

/**
 * "" for the reference run (full, SQLite); otherwise the suffix that keeps a run's files from
 * replacing the reference figures (and BENCHMARKS.md).
 */
export function runLabel(o: BenchOptions): "" | "quick" | "partial" | "postgres" {
  if (o.quick) return "quick";
  if (o.phases.length < PHASES.length) return "partial";
  return o.db === "postgres" ? "postgres" : "";
}
