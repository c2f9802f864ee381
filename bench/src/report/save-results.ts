import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { BenchResult } from "./bench-result";

const RESULTS_DIR = fileURLToPath(new URL("../../results/", import.meta.url));

/**
 * Writes the full result and appends a one-line summary to the history. A quick run gets its
 * own latest file, so a smoke test never overwrites the figures of a real run.
 */
export function saveResults(r: BenchResult): { latest: string; history: string } {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const latest = `${RESULTS_DIR}latest-${r.options.db}${r.options.quick ? "-quick" : ""}.json`;
  const history = `${RESULTS_DIR}history.jsonl`;
  writeFileSync(latest, `${JSON.stringify(r, null, 2)}\n`);
  appendFileSync(history, `${JSON.stringify(historyLine(r))}\n`);
  return { latest, history };
}

function historyLine(r: BenchResult) {
  const fan = r.phases.find((p) => p.name === "fan-out");
  const thr = r.phases.find((p) => p.name === "throughput");
  return {
    date: r.date,
    commit: r.commit,
    node: r.node,
    cores: r.cores,
    busyCoresBefore: r.busyCoresBefore,
    ...r.options,
    fanoutOthersCpuSec: fan?.othersCpuSec,
    fanoutAckP50: fan?.ack.p50,
    fanoutAckP99: fan?.ack.p99,
    fanoutDeliveryP50: fan?.delivery.p50,
    fanoutDeliveryP95: fan?.delivery.p95,
    fanoutDeliveryP99: fan?.delivery.p99,
    fanoutDeliveryMax: fan?.delivery.max,
    throughputAckedPerSec: thr?.ackedPerSec,
    throughputDeliveredPerSec: thr?.deliveredPerSec,
    throughputFramesPerSec: thr?.framesPerSec,
    throughputAckP99: thr?.ack.p99,
    throughputRateLimited: thr?.rateLimited,
    throughputOthersCpuSec: thr?.othersCpuSec,
    rssStartMiB: r.server.rssStartMiB,
    rssEndMiB: r.server.rssEndMiB,
    peakRssMiB: r.server.peakRssMiB,
    errors: r.errorTotal,
    violations: r.violations.total,
    ok: r.ok,
  };
}
