import type { CpuFigures } from "../cpu-meter";
import type { BenchOptions } from "../options";
import type { Violation, ViolationKind } from "../order-checker";
import type { SearchBenchResult } from "../search/search-suite";
import type { LatencySummary } from "../stats";
import type { TargetCheck } from "../targets";

export type System = "parley" | "socketio";

/** One rate of the fan-out ladder. */
export interface StepResult {
  /** Deliveries per second asked for: messages per second × members. */
  offeredPerSec: number;
  messagesPerSec: number;
  messages: number;
  deliveries: number;
  /** Deliveries per second actually carried: first send to last receipt. */
  deliveredPerSec: number;
  /** Send -> receipt at every member (the sender's own copy included). */
  latency: LatencySummary;
  /** Send -> ack at the sender (Parley: after commit). */
  ack: LatencySummary | null;
  /** How late the generator sent against its schedule: its own overload. */
  sendLag: LatencySummary;
  cpu: CpuFigures;
  complete: boolean;
  held: boolean;
}

export interface LadderResult {
  system: System;
  members: number;
  steps: StepResult[];
  /** The highest offered rate that held at p99 ≤ 100 ms (see ladder.ts), or null. */
  highestHeld: StepResult | null;
  stoppedBy: "p99 or backlog" | "all rates held" | "time budget" | "errors";
  openMs: number;
}

export interface PingPongResult {
  system: System;
  pairs: number;
  roundTripsPerSec: number;
  messagesPerSec: number;
  rtt: LatencySummary;
  cpu: CpuFigures;
  complete: boolean;
}

export interface IdleResult {
  system: System;
  sockets: number;
  /** How long opening them took (auth and `ready` included for Parley). */
  openMs: number;
  serverRssMiB: number | null;
  /** (RSS with the sockets − RSS before any) / sockets. */
  kibPerSocket: number | null;
}

export interface PersistedResult {
  db: "sqlite" | "postgres";
  /** Set when the phase could not run (PostgreSQL unreachable...): the reason. */
  skipped?: string;
  sockets?: number;
  window?: number;
  ackedPerSec?: number;
  ack?: LatencySummary;
  cpu?: CpuFigures;
  complete?: boolean;
}

export interface Machine {
  cores: number;
  cpuModel: string;
  memGiB: number;
  os: string;
  kernel: string;
  node: string;
  /** Soft limit on open files for the bench's processes (10,000 sockets need more). */
  fdLimit: number | null;
  /** µs to write a 300-byte frame to a loopback socket: the floor of one delivery (calibrate.ts). */
  loopbackWriteMicros: number | null;
}

/** Everything one run measured: what results/<date>.json holds. */
export interface BenchResult {
  version: 2;
  date: string;
  commit: string;
  /** Uncommitted changes in the tree when it ran (the lead works on the server concurrently). */
  dirty: boolean;
  machine: Machine;
  /** Cores other processes kept busy in the second before the run (0 = an idle machine). */
  busyCoresBefore: number | null;
  options: BenchOptions;
  /** The frame budget given to Parley for the run (FRAME_BURST / FRAMES_PER_SECOND, and every RATE_* limit). */
  frameBudget: number;
  db: "sqlite" | "postgres";
  setup: {
    seedMs: number | null;
    joinMembers: number | null;
    joinMs: number | null;
    /** CPU while the members joined (the generator side is the coordinator's fetch calls). */
    joinCpu: CpuFigures | null;
  };
  fanOut: LadderResult[];
  pingPong: PingPongResult[];
  idle: IdleResult[];
  persisted: PersistedResult[];
  /** The search scenario (search p95 on a generated history); absent when not run. */
  search?: SearchBenchResult | null;
  targets: TargetCheck[];
  server: { peakRssMiB: number | null; errorLogLines: number; errorLogExamples: string[] };
  errors: Record<string, number>;
  errorTotal: number;
  violations: { total: number; counts: Record<ViolationKind, number>; examples: Violation[] };
  /** Said during the run (e.g. a count capped by the open-files limit). */
  runNotes: string[];
  /** runNotes plus those derived from the figures (report/notes.ts). */
  notes: string[];
  durationMs: number;
  /** No violations and no errors: the figures describe servers that behaved correctly. */
  ok: boolean;
}
