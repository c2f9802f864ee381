import { highestHeld } from "./ladder";
import type { BenchResult, LadderResult } from "./report/bench-result";

/** One of the targets next to the figure this run measured. */
export interface TargetCheck {
  id: string;
  /** What is measured, in words. */
  figure: string;
  target: string;
  /** The measured figure, formatted; "-" when the phase did not run. */
  value: string;
  /** null: not measured in this run. */
  pass: boolean | null;
}

type Measured = Pick<BenchResult, "fanOut" | "pingPong" | "idle" | "persisted" | "setup">;

const n = (v: number) => Math.round(v).toLocaleString("en");
const ladder = (r: Measured, system: string, members: number): LadderResult | undefined =>
  r.fanOut.find((l) => l.system === system && l.members === members);

/**
 * The targets (for the benchmark, not test assertions), checked against a run.
 * Pure: the report and the unit test both call it.
 */
export function checkTargets(r: Measured): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const room500 = ladder(r, "parley", 500);

  const at25k = room500?.steps.find((s) => s.offeredPerSec === 25_000);
  checks.push({
    id: "room500-25k",
    figure: "room of 500: p99 at 25,000 deliveries/s",
    target: "≤ 10 ms",
    value: at25k?.latency.p99 != null ? `${at25k.latency.p99} ms` : "-",
    pass: at25k ? at25k.complete && (at25k.latency.p99 ?? Infinity) <= 10 : null,
  });

  const at30 = room500 ? highestHeld(room500.steps, 30) : null;
  checks.push({
    id: "room500-p99-30",
    figure: "room of 500: highest rate held at p99 ≤ 30 ms",
    target: "≥ 200,000 deliveries/s",
    value: room500 ? (at30 ? `${n(at30.offeredPerSec)}/s` : "none") : "-",
    pass: room500 ? (at30?.offeredPerSec ?? 0) >= 200_000 : null,
  });

  for (const members of [50, 500]) {
    const p = ladder(r, "parley", members)?.highestHeld?.offeredPerSec;
    const b = ladder(r, "socketio", members)?.highestHeld?.offeredPerSec;
    checks.push({
      id: `vs-socketio-${members}`,
      figure: `room of ${members}: highest rate held, Parley / Socket.IO`,
      target: "≥ 2×",
      value: p && b ? `${(p / b).toFixed(2)}× (${n(p)} / ${n(b)})` : "-",
      pass: p && b ? p / b >= 2 : null,
    });
  }

  const pp = r.pingPong.find((x) => x.system === "parley");
  checks.push({
    id: "ping-pong",
    figure: `1:1 ping-pong, ${pp?.pairs ?? 100} pairs: messages/s`,
    target: "≥ 40,000/s",
    value: pp ? `${n(pp.messagesPerSec)}/s` : "-",
    pass: pp ? pp.complete && pp.messagesPerSec >= 40_000 : null,
  });

  const idle = r.idle.filter((x) => x.system === "parley");
  const largest = idle.at(-1);
  checks.push({
    id: "idle-kib",
    figure: `RSS per idle authenticated socket (at ${largest ? n(largest.sockets) : "-"})`,
    target: "≤ 12 KiB",
    value: largest?.kibPerSocket != null ? `${largest.kibPerSocket} KiB` : "-",
    pass: largest?.kibPerSocket != null ? largest.kibPerSocket <= 12 : null,
  });
  checks.push({
    id: "idle-10k",
    figure: "idle authenticated sockets on one node",
    target: "≥ 10,000",
    value: largest ? n(largest.sockets) : "-",
    pass: largest ? largest.sockets >= 10_000 : null,
  });

  checks.push({
    id: "join-500",
    figure: `${r.setup.joinMembers ?? 500} members joining one room (REST, concurrent)`,
    target: "≤ 1 s",
    value: r.setup.joinMs != null ? `${r.setup.joinMs} ms` : "-",
    pass:
      r.setup.joinMs != null && r.setup.joinMembers != null
        ? r.setup.joinMembers >= 500 && r.setup.joinMs <= 1000
        : null,
  });

  const sqlite = r.persisted.find((x) => x.db === "sqlite" && !x.skipped);
  checks.push({
    id: "sqlite-sends",
    figure: "acked durable sends on SQLite",
    target: "≥ 20,000/s",
    value: sqlite?.ackedPerSec != null ? `${n(sqlite.ackedPerSec)}/s` : "-",
    pass: sqlite?.ackedPerSec != null ? sqlite.complete === true && sqlite.ackedPerSec >= 20_000 : null,
  });
  return checks;
}
