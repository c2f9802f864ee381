import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { Cleanup } from "./cleanup";
import { type BenchOptions, parseOptions, USAGE } from "./options";
import type { PhaseRecorder } from "./phase-recorder";
import { phaseResult } from "./phase-result";
import { runFanOut } from "./phases/fan-out";
import { runThroughput } from "./phases/throughput";
import { createBenchSchema } from "./postgres-schema";
import { readCpuSeconds, readMachineCpuSeconds, readMemory, sampleBusyCores } from "./proc-stats";
import type { BenchResult } from "./report/bench-result";
import { formatReport } from "./report/print-table";
import { saveResults } from "./report/save-results";
import { frameBudget } from "./server-limits";
import { type ServerProcess, startServer } from "./server-process";
import { connectMembers, prepareRoom } from "./setup-room";
import { Traffic } from "./traffic";

/** The whole run, setup included, is cut off here: a hung server must not hang CI. */
const HARD_STOP_MS = 120_000;
/** After an abort, how long the orderly path gets to clean up before we exit regardless. */
const ABORT_GRACE_MS = 15_000;

const started = performance.now();
const cleanup = new Cleanup();
const aborter = new AbortController();
let server: ServerProcess | undefined;

async function main(options: BenchOptions): Promise<boolean> {
  const busyCoresBefore = await sampleBusyCores(1000);
  const dataDir = mkdtempSync(join(tmpdir(), "parley-bench-"));
  cleanup.add("remove temp data dir", () => rmSync(dataDir, { recursive: true, force: true }));
  const env: Record<string, string> = {};
  if (options.db === "postgres") {
    const schema = await createBenchSchema();
    cleanup.add(`drop schema ${schema.name}`, () => schema.drop());
    env.DATABASE_URL = schema.databaseUrl;
  }

  log(`starting server (${options.db})`);
  server = await startServer(dataDir, env);
  const srv = server;
  let measuring = true;
  cleanup.add("stop server", () => {
    measuring = false;
    return srv.stop();
  });
  void srv.exited.then((how) => {
    if (measuring) abort(`server exited during the run (${how})`);
  });
  const rssStart = readMemory(srv.pid).rssMiB;

  const runId = randomBytes(3).toString("hex");
  log(`signing up ${options.users} users`);
  const room = await prepareRoom(`http://127.0.0.1:${srv.port}`, options.users, runId);
  const traffic = new Traffic(room.roomId, options.users);
  const t0 = performance.now();
  const members = await connectMembers(srv.port, room, traffic);
  cleanup.add("close sockets", () => {
    for (const m of members) m.socket.close();
  });
  const connectMs = Math.round(performance.now() - t0);

  log(`fan-out: ${options.users} x ${options.messages} messages at ${options.rate}/s`);
  const fanOut = await measured(srv.pid, true, () =>
    runFanOut(traffic, members, options.messages, options.rate, aborter.signal),
  );
  log(`throughput: ${options.throughputMessages} messages, window ${options.window} per user`);
  const deadline = started + HARD_STOP_MS - 10_000;
  const throughput = await measured(srv.pid, false, () =>
    runThroughput(traffic, members, options.throughputMessages, options.window, deadline, aborter.signal),
  );
  traffic.finish();

  for (const m of members) m.socket.close();
  const memory = readMemory(srv.pid);
  measuring = false;
  await srv.stop();

  const errors = Object.fromEntries(traffic.errors);
  const errorTotal = Object.values(errors).reduce((a, b) => a + b, 0) + srv.errors.count;
  const result: BenchResult = {
    date: new Date().toISOString(),
    commit: gitCommit(),
    node: process.version,
    cores: cpus().length,
    cpuModel: cpus()[0]?.model ?? "unknown",
    busyCoresBefore,
    options,
    frameBudget: frameBudget(),
    setup: { ...room.timings, connectMs },
    phases: [fanOut, throughput],
    server: {
      rssStartMiB: rssStart,
      rssEndMiB: memory.rssMiB,
      peakRssMiB: memory.peakRssMiB,
      errorLogLines: srv.errors.count,
      errorLogExamples: srv.errors.examples,
    },
    errors,
    errorTotal,
    violations: {
      total: traffic.violations.total,
      counts: traffic.violations.counts,
      examples: traffic.violations.examples,
    },
    durationMs: Math.round(performance.now() - started),
    ok: errorTotal === 0 && traffic.violations.total === 0,
  };
  console.log(formatReport(result));
  const saved = saveResults(result);
  log(`wrote ${saved.latest} and appended to ${saved.history}`);
  return result.ok;
}

/** Runs a phase and records the CPU both processes spent in it. */
async function measured(pid: number, paced: boolean, phase: () => Promise<PhaseRecorder>) {
  const before = { server: readCpuSeconds(pid), machine: readMachineCpuSeconds(), at: performance.now() };
  const benchCpu = process.cpuUsage();
  const recorder = await phase();
  const bench = process.cpuUsage(benchCpu);
  const delta = (a: number | null, b: number | null) => (a !== null && b !== null ? b - a : null);
  return phaseResult(
    recorder,
    {
      server: delta(before.server, readCpuSeconds(pid)),
      bench: (bench.user + bench.system) / 1e6,
      machine: delta(before.machine, readMachineCpuSeconds()),
      wallSec: (performance.now() - before.at) / 1000,
    },
    paced,
  );
}

function gitCommit(): string {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
  } catch {
    return "unknown";
  }
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
  options = parseOptions(process.argv.slice(2), process.env);
} catch (error) {
  console.error(`${error instanceof Error ? error.message : error}\n\n${USAGE}`);
  process.exit(2);
}
if (options === "help") {
  console.log(USAGE);
  process.exit(0);
}

const hardStop = setTimeout(() => abort(`hard stop after ${HARD_STOP_MS / 1000} s`), HARD_STOP_MS);
process.once("SIGINT", () => abort("interrupted"));
process.once("SIGTERM", () => abort("terminated"));
// Last resort if the process ends by a path that skipped cleanup: never leave a server behind.
process.once("exit", () => server?.killNow());

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
