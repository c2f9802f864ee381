import { CONTENDED_CORES } from "../suites/quiet";
import type { BenchResult, StepResult } from "./bench-result";

/** A generator sending this late (p99, ms) has fallen behind its own schedule. */
const LATE_SEND_MS = 5;

/**
 * What ran out at a step, from the CPU figures: the server's single event loop (≥ 0.9 core),
 * the machine (server + generator using ≥ 80 % of all cores: they compete), or the generator's
 * schedule (its sends were late). An empty string when none of these is evident.
 */
export function bottleneck(step: Pick<StepResult, "cpu" | "sendLag">, cores: number): string {
  const server = step.cpu.serverCores ?? 0;
  const generator = step.cpu.generatorCores ?? 0;
  const parts: string[] = [];
  if (server >= 0.9) parts.push("server loop");
  if (server + generator >= 0.8 * cores) parts.push("machine");
  if ((step.sendLag.p99 ?? 0) > LATE_SEND_MS) parts.push("generator late");
  return parts.join(", ");
}

const name = (system: string) => (system === "parley" ? "Parley" : "Socket.IO");

/** Plain-language caveats derived from the figures, for the report's Notes section. */
export function deriveNotes(r: Omit<BenchResult, "notes">): string[] {
  const notes: string[] = [];
  if ((r.busyCoresBefore ?? 0) > CONTENDED_CORES) {
    notes.push(
      `Other processes kept ${r.busyCoresBefore} cores busy just before the run: figures are noisy, rerun.`,
    );
  }
  for (const l of r.fanOut) {
    const last = l.steps.at(-1);
    const who = `${name(l.system)}, room of ${l.members}`;
    if (!last) continue;
    if (l.stoppedBy === "all rates held") {
      notes.push(
        `${who}: held every rate tried, up to ${last.offeredPerSec.toLocaleString("en")}/s — the ladder's top, not a limit.`,
      );
    } else if (l.stoppedBy === "time budget") {
      notes.push(`${who}: the ladder stopped at its time budget, not at a limit.`);
    } else if (!last.held) {
      const why = bottleneck(last, r.machine.cores);
      notes.push(
        `${who}: did not hold ${last.offeredPerSec.toLocaleString("en")}/s (p99 ${last.latency.p99} ms, carried ` +
          `${last.deliveredPerSec.toLocaleString("en")}/s${last.complete ? "" : ", not all delivered in time"}); ` +
          `server ${last.cpu.serverCores} / generator ${last.cpu.generatorCores} cores${why ? ` — ${why}` : ""}` +
          `${(last.cpu.othersCores ?? 0) > CONTENDED_CORES ? `; other processes took ${last.cpu.othersCores} cores during that step, so the real limit may be higher` : ""}.`,
      );
    }
  }
  const generatorHeavy = r.fanOut
    .flatMap((l) => l.steps)
    .some((s) => (s.cpu.generatorCores ?? 0) >= (s.cpu.serverCores ?? 0));
  if (generatorHeavy) {
    notes.push(
      `At the top steps the generator used as much CPU as the server or more: on ${r.machine.cores} cores they compete, so the highest rates are a lower bound for a server with the machine to itself.`,
    );
  }
  // PostgreSQL's own work is "others" by definition: only the phases without it say something.
  const shared = [
    ...r.fanOut.flatMap((l) =>
      l.steps.map((s) => ({ what: `${name(l.system)} ${l.members} at ${s.offeredPerSec}/s`, cpu: s.cpu })),
    ),
    ...r.pingPong.map((p) => ({ what: `${name(p.system)} ping-pong`, cpu: p.cpu })),
    ...r.persisted.flatMap((p) =>
      p.db === "sqlite" && p.cpu ? [{ what: "SQLite persisted sends", cpu: p.cpu }] : [],
    ),
    ...(r.setup.joinCpu ? [{ what: "the joins", cpu: r.setup.joinCpu }] : []),
  ].filter((m) => (m.cpu.othersCores ?? 0) > CONTENDED_CORES);
  if (shared.length > 0) {
    notes.push(
      `Other processes on the machine used more than ${CONTENDED_CORES} cores during: ${shared
        .map((m) => `${m.what} (${m.cpu.othersCores})`)
        .join(", ")} — even after a retry; those figures shared the machine and are pessimistic.`,
    );
  }
  for (const p of r.persisted) {
    if (p.skipped) notes.push(`Persisted sends on ${p.db}: not run — ${p.skipped}.`);
  }
  return notes;
}
