import type { HistogramData } from "../histogram";
import type { Violation, ViolationKind } from "../order-checker";

// What the coordinator (run.ts) and its generator processes (worker.ts) say to each other over
// the fork IPC channel. Every command gets exactly one reply.

/** The server a worker's sockets talk to. */
export type Target = { kind: "parley"; port: number } | { kind: "socketio"; port: number };

export interface SocketSpec {
  /** Unique in the run: it prefixes every clientId the socket sends, naming the sender. */
  id: number;
  /** Parley room id, or Socket.IO room name; null for an idle socket in no room. */
  room: string | null;
  /** Parley session cookie (`name=value`). */
  cookie?: string;
}

export type Command =
  | {
      cmd: "open";
      target: Target;
      sockets: SocketSpec[];
      /** Sockets connecting at once, per worker: a bound on the server's upgrade queue. */
      concurrency: number;
      /** Rooms whose members are spread over several workers: their seq -> id maps are compared. */
      sharedRooms: string[];
      /** Add to the sockets already open instead of replacing them (idle sockets, 1k then 10k). */
      keep: boolean;
    }
  | {
      cmd: "fanout-step";
      step: number;
      /** monoMs() of the step's first send, a little in the future so every worker is ready. */
      startAt: number;
      /** Messages per second into the room, all workers together. */
      rate: number;
      /** Messages in the step, all workers together; message j is worker (j mod workers)'s. */
      count: number;
      workerIndex: number;
      workers: number;
      drainMs: number;
    }
  | { cmd: "ping-pong"; durationMs: number; drainMs: number }
  | { cmd: "throughput"; durationMs: number; window: number; drainMs: number }
  /** End of a phase: check every stream is complete up to each room's last seq. */
  | { cmd: "finish"; lastSeqByRoom: Record<string, number> }
  | { cmd: "close" };

export type Reply<C extends Command> = C extends { cmd: "open" }
  ? OpenReport
  : C extends { cmd: "fanout-step" }
    ? StepReport
    : C extends { cmd: "ping-pong" }
      ? PingPongReport
      : C extends { cmd: "throughput" }
        ? ThroughputReport
        : C extends { cmd: "finish" }
          ? FinishReport
          : null;

export interface OpenReport {
  opened: number;
  ms: number;
}

export interface StepReport {
  sent: number;
  /** Message frames of this step received by this worker's sockets. */
  deliveries: number;
  latency: HistogramData;
  /** Send -> ack at the sender (Parley only). */
  ack: HistogramData;
  /** How late this worker sent against the schedule: its own overload. */
  sendLag: HistogramData;
  firstSendAt: number | null;
  lastDeliveryAt: number | null;
  /** Every local socket got all `count` messages and every local send was acked in time. */
  complete: boolean;
  /** Errors seen so far in the phase (a broken socket, an error frame...). */
  errors: number;
}

export interface PingPongReport {
  roundTrips: number;
  /** Sends, both directions. */
  messages: number;
  rtt: HistogramData;
  startAt: number;
  endAt: number;
  complete: boolean;
  errors: number;
}

export interface ThroughputReport {
  /** Sends acked between the start and the end of the window. */
  acked: number;
  ack: HistogramData;
  startAt: number;
  endAt: number;
  complete: boolean;
  errors: number;
}

export interface FinishReport {
  errors: Record<string, number>;
  violations: { counts: Record<ViolationKind, number>; examples: Violation[] };
  /** seq -> message id, per shared room, for the coordinator's cross-worker comparison. */
  ledgers: Record<string, Array<[seq: number, id: string]>>;
}

export type WorkerMessage = { id: number; command: Command };
export type WorkerAnswer =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: string };
