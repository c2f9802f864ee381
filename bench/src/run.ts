import { randomBytes } from "node:crypto";
import { loopbackWriteMicros } from "./calibrate";
import { Cleanup } from "./cleanup";
import { WorkerPool } from "./generator/pool";
import { type BenchOptions, parseOptions, runLabel, USAGE } from "./options";
import { sampleBusyCores, waitForQuiet } from "./proc-stats";
import type { BenchResult, PersistedResult } from "./report/bench-result";
import { describeMachine, gitCommit } from "./report/machine";
import { toMarkdown } from "./report/markdown";
import { deriveNotes } from "./report/notes";
import { saveResults } from "./report/save-results";
import { runSearchSuite } from "./search/search-suite";
import { BENCH_FRAME_BUDGET } from "./server-process";
import { type BaselineSuiteResult, runBaselineSuite } from "./suites/baseline-suite";
import { runParleySuite, runPersistedSuite } from "./suites/parley-suite";
import { QUIET_BUDGET_MS } from "./suites/quiet";
import type { RunContext } from "./suites/run-context";
import { Tally } from "./tally";
import { checkTargets } from "./targets";

/** After an abort, how long the orderly path gets to clean up before we exit regardless. */
const ABORT_GRACE_MS = 15_000;
/** Other processes may use this many cores before the run starts... */
const QUIET_CORES = 0.3;
/** ...or the run waits for them this long at most (not counted in the hard stop). */
const QUIET_WAIT_MS = 45_000;

const started = performance.now();
const cleanup = new Cleanup();
const aborter = new AbortController();
let pool: WorkerPool | undefined;

async function main(options: BenchOptions): Promise<boolean> {
  // A smoke test does not wait: it checks the machinery, not the figures.
  const busyCoresBefore = options.quick
    ? await sampleBusyCores(1000)
    : await waitForQuiet(QUIET_CORES, QUIET_WAIT_MS, (busy) =>
        log(`other processes keep ${busy} cores busy: waiting up to ${QUIET_WAIT_MS / 1000} s for quiet`),
      );
  armHardStop(
    options.profile.hardStopMs + (options.phases.includes("search") ? options.profile.searchHardStopMs : 0),
  );
  const machine = { ...describeMachine(), loopbackWriteMicros: await loopbackWriteMicros() };
  const runId = randomBytes(3).toString("hex");
  pool = WorkerPool.start(options.workers);
  const workers = pool;
  cleanup.add("stop generator processes", () => workers.stop());
  const ctx: RunContext = {
    options,
    pool: workers,
    cleanup,
    tally: new Tally(),
    signal: aborter.signal,
    notes: [],
    quiet: { leftMs: QUIET_BUDGET_MS, waitedMs: 0 },
    log,
  };
  const { phases } = options;

  const other = options.db === "sqlite" ? "postgres" : "sqlite";
  let baseline: BaselineSuiteResult = { fanOut: [], pingPong: null, idle: [] };
  const parley = await runParleySuite(ctx, options.db, runId, machine.fdLimit, abort, async () => {
    if (phases.includes("baseline")) baseline = await runBaselineSuite(ctx, machine.fdLimit, abort);
  });
  const persisted: PersistedResult[] = parley.persisted ? [parley.persisted] : [];
  const serverErrors = { count: parley.errorLogLines, examples: [...parley.errorLogExamples] };
  if (phases.includes("persisted")) {
    try {
      const run = await runPersistedSuite(ctx, other, runId, abort);
      persisted.push(run.persisted);
      serverErrors.count += run.errorLogLines;
      serverErrors.examples.push(...run.errorLogExamples);
    } catch (error) {
      if (aborter.signal.aborted) throw error;
      // PostgreSQL is optional on a developer's machine: say so in the table instead of failing.
      const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
      log(`persisted sends on ${other} not run: ${reason}`);
      persisted.push({ db: other, skipped: reason ?? "failed" });
    }
  }

  // Last, with every server stopped: it measures one process's queries against its own database.
  const search = phases.includes("search")
    ? await runSearchSuite({
        messages: options.profile.searchMessages,
        rounds: options.profile.searchRounds,
        log,
        signal: aborter.signal,
      })
    : null;

  const { tally } = ctx;
  if (serverErrors.count > 0) tally.countError("server error-level log lines", serverErrors.count);
  const measured = {
    fanOut: [...parley.fanOut, ...baseline.fanOut],
    pingPong: [parley.pingPong, baseline.pingPong].filter((p) => p !== null),
    idle: [...parley.idle, ...baseline.idle],
    persisted,
    search,
    setup: {
      seedMs: parley.seedMs,
      joinMembers: parley.join?.members ?? null,
      joinMs: parley.join?.ms ?? null,
      joinCpu: parley.join?.cpu ?? null,
    },
  };
  const { commit, dirty } = gitCommit();
  const partial: Omit<BenchResult, "notes"> = {
    runNotes: ctx.notes,
    version: 2,
    date: new Date().toISOString(),
    commit,
    dirty,
    machine,
    busyCoresBefore,
    options,
    frameBudget: BENCH_FRAME_BUDGET,
    db: options.db,
    ...measured,
    targets: checkTargets(measured),
    server: {
      peakRssMiB: parley.peakRssMiB,
      errorLogLines: serverErrors.count,
      errorLogExamples: serverErrors.examples.slice(0, 5),
    },
    errors: Object.fromEntries(tally.errors),
    errorTotal: [...tally.errors.values()].reduce((a, b) => a + b, 0),
    violations: {
      total: tally.violations.total,
      counts: tally.violations.counts,
      examples: tally.violations.examples,
    },
    durationMs: Math.round(performance.now() - started),
    ok: tally.total === 0,
  };
  const result: BenchResult = { ...partial, notes: [...ctx.notes, ...deriveNotes(partial)] };
  const markdown = toMarkdown(result);
  console.log(`\n${markdown}`);
  for (const file of saveResults(result, markdown, runLabel(options))) log(`wrote ${file}`);
  return result.ok;
}

function log(message: string): void {
  const s = ((performance.now() - started) / 1000).toFixed(1).padStart(5);
  console.error(`[bench ${s}s] ${message}`);
}

/** Ends the process after cleanup, or without it if cleanup itself hangs. */
async function exit(code: number): Promise<never> {
  // Should the loop run dry while cleanup hangs, node exits by itself: with this code, not 0.
  process.exitCode = code;
  setTimeout(() => process.exit(code), ABORT_GRACE_MS).unref();
  await cleanup.run();
  process.exit(code);
}

function abort(reason: string): void {
  if (aborter.signal.aborted) return;
  console.error(`bench: ${reason}`);
  aborter.abort(new Error(reason));
  // Give the run a moment to notice the abort; if it is stuck in an await, exit anyway.
  setTimeout(() => void exit(1), 2_000);
}

let options: BenchOptions | "help";
try {
  options = parseOptions(process.argv.slice(2));
} catch (error) {
  console.error(`${error instanceof Error ? error.message : error}\n\n${USAGE}`);
  process.exit(2);
}
if (options === "help") {
  console.log(USAGE);
  process.exit(0);
}

let hardStop: NodeJS.Timeout | undefined;
/** The whole run (after the wait for quiet) is cut off here: a hung server must not hang CI. */
function armHardStop(ms: number): void {
  hardStop = setTimeout(() => abort(`hard stop after ${ms / 1000} s`), ms);
}
process.once("SIGINT", () => abort("interrupted"));
process.once("SIGTERM", () => abort("terminated"));
// Last resort if the process ends by a path that skipped cleanup: never leave a child behind.
process.once("exit", () => pool?.killNow());

main(options).then(
  async (ok) => {
    clearTimeout(hardStop);
    if (!ok) console.error("bench: FAILED — errors or order violations above (figures are not trustworthy)");
    await exit(ok ? 0 : 1);
  },
  async (error) => {
    clearTimeout(hardStop);
    // An abort was already explained by abort(); anything else is a bug or a refusal: show where.
    if (!aborter.signal.aborted)
      console.error(`bench: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
    await exit(1);
  },
);
