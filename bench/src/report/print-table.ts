import type { LatencySummary } from "../stats";
import type { BenchResult } from "./bench-result";

/** Other processes using more than this share of a core make the figures unreliable. */
const BUSY = 0.2;

const fmt = (v: number | null | undefined, unit = "") =>
  v === null || v === undefined ? "-" : `${v}${unit}`;

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length))) ?? [];
  return rows
    .map((r, i) => {
      const line = r.map((cell, c) =>
        c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0),
      );
      const text = `  ${line.join("  ")}`;
      return i === 0 ? `${text}\n  ${widths.map((w) => "-".repeat(w)).join("  ")}` : text;
    })
    .join("\n");
}

const latencyRow = (label: string, s: LatencySummary | null): string[] => [
  label,
  fmt(s?.count),
  fmt(s?.p50),
  fmt(s?.p95),
  fmt(s?.p99),
  fmt(s?.max),
];

/** The human-readable summary printed at the end of a run. */
export function formatReport(r: BenchResult): string {
  const o = r.options;
  const lines = [
    "",
    `Parley bench — ${o.db}${o.quick ? " (quick)" : ""}, ${o.users} users in one room, commit ${r.commit}, node ${r.node}, ${r.cores} cores`,
    `busy cores before the run: ${fmt(r.busyCoresBefore)}${(r.busyCoresBefore ?? 0) > BUSY ? " — something else was running, figures are noisy" : ""}`,
    `setup: sign-up ${r.setup.signUpMs} ms, join ${r.setup.joinMs} ms, connect+sync ${r.setup.connectMs} ms`,
    "",
    "Latency (ms)",
    table([
      ["", "samples", "p50", "p95", "p99", "max"],
      ...r.phases.flatMap((p) => [
        latencyRow(`${p.name}: send -> ack`, p.ack),
        latencyRow(`${p.name}: send -> other member`, p.delivery),
        ...(p.sendLag ? [latencyRow(`${p.name}: generator send lag`, p.sendLag)] : []),
      ]),
    ]),
    "",
    "Rates",
    table([
      [
        "",
        "sent",
        "acked",
        "limited",
        "acked/s",
        "delivered/s",
        "frames/s",
        "wall s",
        "cpu s: server",
        "bench",
        "others",
      ],
      ...r.phases.map((p) => [
        p.name,
        fmt(p.sent),
        fmt(p.acked),
        fmt(p.rateLimited),
        fmt(p.ackedPerSec),
        fmt(p.deliveredPerSec),
        fmt(p.framesPerSec),
        fmt(p.wallSec),
        fmt(p.serverCpuSec),
        fmt(p.benchCpuSec),
        fmt(p.othersCpuSec),
      ]),
    ]),
    ...r.phases
      .filter((p) => p.rateLimited > 0)
      .map(
        (p) =>
          `note: ${p.name} hit the server's frame budget (${r.frameBudget.burst} burst, ${r.frameBudget.perSecond}/s per connection) ${p.rateLimited} times: its rate is the limiter's, not the server's capacity; add --users`,
      ),
    "",
    `server RSS: ${fmt(r.server.rssStartMiB, " MiB")} idle -> ${fmt(r.server.rssEndMiB, " MiB")} after, peak ${fmt(r.server.peakRssMiB, " MiB")}; error log lines: ${r.server.errorLogLines}`,
    `errors: ${r.errorTotal}${r.errorTotal ? ` ${JSON.stringify(r.errors)}` : ""}`,
    `order violations: ${r.violations.total}${r.violations.total ? ` ${JSON.stringify(r.violations.counts)}` : ""}`,
    `total ${(r.durationMs / 1000).toFixed(1)} s — ${r.ok ? "OK" : "FAILED"}`,
    "",
  ];
  return lines.join("\n");
}
