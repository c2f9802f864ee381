import type { BenchOptions } from "../options";
import type { Violation, ViolationKind } from "../order-checker";
import type { PhaseResult } from "../phase-result";

/** Everything one run measured: what latest-<db>.json holds. */
export interface BenchResult {
  date: string;
  commit: string;
  node: string;
  cores: number;
  cpuModel: string;
  /** Cores other processes kept busy in the second before the run (0 = an idle machine). */
  busyCoresBefore: number | null;
  options: BenchOptions;
  /** The server's per-connection frame budget at the time of the run. */
  frameBudget: { burst: number; perSecond: number };
  setup: { signUpMs: number; joinMs: number; connectMs: number };
  phases: PhaseResult[];
  server: {
    rssStartMiB: number | null;
    rssEndMiB: number | null;
    peakRssMiB: number | null;
    errorLogLines: number;
    errorLogExamples: string[];
  };
  errors: Record<string, number>;
  errorTotal: number;
  violations: { total: number; counts: Record<ViolationKind, number>; examples: Violation[] };
  durationMs: number;
  /** No violations and no errors: the figures describe a server that behaved correctly. */
  ok: boolean;
}
