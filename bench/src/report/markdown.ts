import { highestHeld } from "../ladder";
import { searchMarkdown } from "../search/search-markdown";
import type { TargetCheck } from "../targets";
import type { BenchResult, LadderResult, StepResult } from "./bench-result";
import { bottleneck } from "./notes";

const num = (v: number | null | undefined) => (v == null ? "-" : Math.round(v).toLocaleString("en"));
const ms = (v: number | null | undefined) => (v == null ? "-" : `${v}`);
const cores = (c: { serverCores: number | null; generatorCores: number | null } | undefined) =>
  c ? `${c.serverCores ?? "-"} / ${c.generatorCores ?? "-"}` : "-";
/** With the other processes' share: above ~0.3 the figure shared the machine. */
const cores3 = (
  c: { serverCores: number | null; generatorCores: number | null; othersCores: number | null } | undefined,
) => (c ? `${cores(c)} / ${c.othersCores ?? "-"}` : "-");
const mark = (pass: boolean | null | undefined) => (pass == null ? "" : pass ? "✅ pass" : "❌ miss");
const ratio = (a: number | null | undefined, b: number | null | undefined, digits = 2) =>
  a != null && b != null && b !== 0 ? `${(a / b).toFixed(digits)}×` : "-";

/** Both targets of a row: pass only if both pass, unknown if either was not measured. */
const both = (a: boolean | null | undefined, b: boolean | null | undefined) =>
  a == null || b == null ? null : a && b;

function table(header: string[], rows: string[][]): string {
  return [
    `| ${header.join(" | ")} |`,
    `|${header.map((_, i) => (i === 0 ? " --- " : " ---: ")).join("|")}|`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");
}

/** The run as a markdown document: results/latest.md, and BENCHMARKS.md between its markers. */
export function toMarkdown(r: BenchResult): string {
  const m = r.machine;
  const when = r.date.replace("T", " ").slice(0, 16);
  return [
    `Run ${when} UTC · commit \`${r.commit}\`${r.dirty ? " + uncommitted changes" : ""} · ` +
      `\`npm run bench${r.options.quick ? " -- --quick" : ""}\` · main database ${r.db} · ` +
      `${(r.durationMs / 1000).toFixed(0)} s · ${r.ok ? "**OK** (no errors, no order violations)" : "**FAILED** (see errors below)"}`,
    "",
    `Machine: ${m.cores} cores (${m.cpuModel}), ${m.memGiB} GiB RAM, ${m.os}, Linux ${m.kernel}, Node ${m.node}; ` +
      `open-files limit ${m.fdLimit ?? "?"}; busy cores just before the run: ${r.busyCoresBefore ?? "?"}. ` +
      `Writing one 300-byte frame to a loopback socket costs ${m.loopbackWriteMicros ?? "?"} µs here ` +
      "(the floor of one delivery, see calibrate.ts). " +
      `Server, generator (${r.options.workers} processes + coordinator) and PostgreSQL all share it, over 127.0.0.1. ` +
      `Parley ran with \`FRAME_BURST\` = \`FRAMES_PER_SECOND\` = ${num(r.frameBudget)} (the per-connection frame budget, ` +
      "default 120 and 30/s, lifted: the bench sends far faster per socket than a person), and the per-user and " +
      "per-IP rate limits (`RATE_POST_*`, `RATE_JOIN_*`, `RATE_INVITE_*`) raised to the same: every generated " +
      "user sends from 127.0.0.1.",
    "",
    "## Headline figures",
    "",
    headline(r),
    "",
    "CPU columns are cores used while the figure was measured (CPU seconds per second; 1.0 = one core flat out): " +
      "the server process / all generator processes together / (in the detail tables) every other process on the " +
      "machine — PostgreSQL in its row, otherwise a neighbour: above 0.3 the figure shared the machine.",
    "",
    "## Fan-out ladders",
    "",
    ...r.fanOut.flatMap((l) => [ladderTable(l, m.cores), ""]),
    "## 1:1 ping-pong",
    "",
    table(
      [
        "",
        "pairs",
        "round trips/s",
        "messages/s",
        "rtt p50 ms",
        "p95",
        "p99",
        "max",
        "cores server / gen / others",
      ],
      r.pingPong.map((p) => [
        p.system === "parley" ? "Parley" : "Socket.IO",
        num(p.pairs),
        num(p.roundTripsPerSec),
        num(p.messagesPerSec),
        ms(p.rtt.p50),
        ms(p.rtt.p95),
        ms(p.rtt.p99),
        ms(p.rtt.max),
        cores3(p.cpu),
      ]),
    ),
    "",
    "## Idle sockets",
    "",
    table(
      ["", "sockets", "open time", "server RSS", "RSS per socket"],
      r.idle.map((i) => [
        i.system === "parley" ? "Parley (authenticated)" : "Socket.IO",
        num(i.sockets),
        `${(i.openMs / 1000).toFixed(1)} s`,
        i.serverRssMiB == null ? "-" : `${i.serverRssMiB} MiB`,
        i.kibPerSocket == null ? "-" : `${i.kibPerSocket} KiB`,
      ]),
    ),
    "",
    "## Persisted sends (acked after commit)",
    "",
    table(
      ["database", "sockets × window", "acked/s", "ack p50 ms", "p95", "p99", "cores server / gen / others"],
      r.persisted.map((p) =>
        p.skipped
          ? [p.db, "not run", p.skipped, "", "", "", ""]
          : [
              p.db,
              `${p.sockets} × ${p.window}`,
              num(p.ackedPerSec),
              ms(p.ack?.p50),
              ms(p.ack?.p95),
              ms(p.ack?.p99),
              cores3(p.cpu),
            ],
      ),
    ),
    "",
    ...(r.search ? [searchMarkdown(r.search)] : []),
    "## Notes",
    "",
    ...(r.notes.length ? r.notes.map((n) => `- ${n}`) : ["- none"]),
    ...(r.ok
      ? []
      : [
          "",
          `**Errors** (${r.errorTotal}): \`${JSON.stringify(r.errors)}\`; order violations ${r.violations.total}: \`${JSON.stringify(r.violations.counts)}\``,
        ]),
    "",
  ].join("\n");
}

function headline(r: BenchResult): string {
  const t = (id: string): TargetCheck | undefined => r.targets.find((x) => x.id === id);
  const lad = (system: string, members: number) =>
    r.fanOut.find((l) => l.system === system && l.members === members);
  const rows: string[][] = [];
  for (const members of r.options.profile.roomSizes) {
    const p = lad("parley", members)?.highestHeld;
    const b = lad("socketio", members)?.highestHeld;
    const check = t(`vs-socketio-${members}`);
    rows.push([
      `Room of ${members}: highest rate held (p99 ≤ 100 ms), deliveries/s`,
      p ? `${num(p.offeredPerSec)} (p50 ${p.latency.p50}, p99 ${p.latency.p99} ms)` : "-",
      "≥ 2× Socket.IO",
      mark(check?.pass),
      b ? `${num(b.offeredPerSec)} (p99 ${b.latency.p99} ms)` : "-",
      ratio(p?.offeredPerSec, b?.offeredPerSec),
      cores(p?.cpu),
    ]);
  }
  const at25 = (system: string) => lad(system, 500)?.steps.find((s) => s.offeredPerSec === 25_000);
  const p25 = at25("parley");
  const b25 = at25("socketio");
  rows.push([
    "Room of 500 at 25,000 deliveries/s: p99",
    p25 ? `${p25.latency.p99} ms (p50 ${p25.latency.p50})` : "-",
    "≤ 10 ms",
    mark(t("room500-25k")?.pass),
    b25 ? `${b25.latency.p99} ms` : "-",
    "",
    cores(p25?.cpu),
  ]);
  const held30 = (system: string) => {
    const l = lad(system, 500);
    return l ? highestHeld(l.steps, 30) : null;
  };
  const p30 = held30("parley");
  const b30 = held30("socketio");
  rows.push([
    "Room of 500: highest rate held at p99 ≤ 30 ms, deliveries/s",
    p30 ? `${num(p30.offeredPerSec)} (p99 ${p30.latency.p99} ms)` : "-",
    "≥ 200,000",
    mark(t("room500-p99-30")?.pass),
    b30 ? num(b30.offeredPerSec) : "-",
    ratio(p30?.offeredPerSec, b30?.offeredPerSec),
    cores(p30?.cpu),
  ]);
  rows.push([
    `${r.setup.joinMembers ?? "-"} members joining one room (REST, all at once)`,
    r.setup.joinMs == null ? "-" : `${num(r.setup.joinMs)} ms`,
    "≤ 1 s",
    mark(t("join-500")?.pass),
    "",
    "",
    cores(r.setup.joinCpu ?? undefined),
  ]);
  const pp = r.pingPong.find((x) => x.system === "parley");
  const bp = r.pingPong.find((x) => x.system === "socketio");
  rows.push([
    `1:1 ping-pong, ${pp?.pairs ?? "-"} pairs: messages/s`,
    pp ? `${num(pp.messagesPerSec)} (rtt p50 ${pp.rtt.p50}, p99 ${pp.rtt.p99} ms)` : "-",
    "≥ 40,000",
    mark(t("ping-pong")?.pass),
    bp ? `${num(bp.messagesPerSec)} (rtt p99 ${bp.rtt.p99} ms)` : "-",
    ratio(pp?.messagesPerSec, bp?.messagesPerSec),
    cores(pp?.cpu),
  ]);
  for (const idle of r.idle.filter((x) => x.system === "parley")) {
    const base = r.idle.find((x) => x.system === "socketio" && x.sockets === idle.sockets);
    const last = idle === r.idle.filter((x) => x.system === "parley").at(-1);
    rows.push([
      `RSS per idle authenticated socket, ${num(idle.sockets)} sockets (server RSS)`,
      idle.kibPerSocket == null ? "-" : `${idle.kibPerSocket} KiB (${idle.serverRssMiB} MiB)`,
      last ? "≤ 12 KiB, ≥ 10,000 sockets" : "",
      last ? mark(both(t("idle-kib")?.pass, t("idle-10k")?.pass)) : "",
      base?.kibPerSocket == null ? "-" : `${base.kibPerSocket} KiB`,
      ratio(idle.kibPerSocket, base?.kibPerSocket),
      "",
    ]);
  }
  for (const p of r.persisted) {
    rows.push([
      `Acked durable sends/s, ${p.db === "sqlite" ? "SQLite" : "PostgreSQL"} (${p.sockets ?? "-"} sockets × ${p.window ?? "-"} in flight)`,
      p.skipped ? `not run (${p.skipped})` : `${num(p.ackedPerSec)} (ack p99 ${p.ack?.p99} ms)`,
      p.db === "sqlite" ? "≥ 20,000" : "",
      p.db === "sqlite" ? mark(t("sqlite-sends")?.pass) : "",
      "n/a (no storage)",
      "",
      cores(p.cpu),
    ]);
  }
  return table(
    ["figure", "Parley", "target", "", "Socket.IO", "Parley / Socket.IO", "cores server / gen"],
    rows,
  );
}

function ladderTable(l: LadderResult, machineCores: number): string {
  const who = l.system === "parley" ? "Parley" : "Socket.IO";
  const row = (s: StepResult) => [
    num(s.offeredPerSec),
    num(s.messagesPerSec),
    num(s.deliveredPerSec),
    ms(s.latency.p50),
    ms(s.latency.p95),
    ms(s.latency.p99),
    ms(s.latency.max),
    ms(s.ack?.p99),
    ms(s.sendLag.p99),
    cores3(s.cpu),
    s.held ? "yes" : `**no**${bottleneck(s, machineCores) ? ` (${bottleneck(s, machineCores)})` : ""}`,
  ];
  return [
    `### ${who}, room of ${l.members} — highest held: ${l.highestHeld ? `${num(l.highestHeld.offeredPerSec)} deliveries/s` : "none"} (stopped: ${l.stoppedBy})`,
    "",
    table(
      [
        "deliveries/s offered",
        "msg/s",
        "carried/s",
        "p50 ms",
        "p95",
        "p99",
        "max",
        "ack p99",
        "send lag p99",
        "cores server / gen / others",
        "held",
      ],
      l.steps.map(row),
    ),
  ].join("\n");
}
