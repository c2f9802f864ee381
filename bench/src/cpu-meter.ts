import { readCpuSeconds, readMachineCpuSeconds } from "./proc-stats";
import { round } from "./stats";

/**
 * CPU used during a measurement, as cores (CPU seconds per wall second: 1.0 is one core
 * flat out). `generator` adds up every generator process and the coordinator; `machine` is
 * everything on the box, so machine − server − generator is what else was running
 * (PostgreSQL, or a stray process that makes the figures noisy).
 */
export interface CpuFigures {
  wallSec: number;
  serverCores: number | null;
  generatorCores: number | null;
  machineCores: number | null;
  /** machine − server − generator: PostgreSQL, the kernel's own work, or a stray process. */
  othersCores: number | null;
}

/** Starts measuring now; the returned function reads the figures since then. */
export function startCpuMeter(serverPid: number, generatorPids: readonly number[]): () => CpuFigures {
  const sumGenerator = () => {
    let total = 0;
    for (const pid of [process.pid, ...generatorPids]) {
      const s = readCpuSeconds(pid);
      if (s === null) return null;
      total += s;
    }
    return total;
  };
  const before = {
    at: performance.now(),
    server: readCpuSeconds(serverPid),
    generator: sumGenerator(),
    machine: readMachineCpuSeconds(),
  };
  return () => {
    const wallSec = (performance.now() - before.at) / 1000;
    const cores = (a: number | null, b: number | null) =>
      a !== null && b !== null && wallSec > 0 ? round((b - a) / wallSec, 2) : null;
    const serverCores = cores(before.server, readCpuSeconds(serverPid));
    const generatorCores = cores(before.generator, sumGenerator());
    const machineCores = cores(before.machine, readMachineCpuSeconds());
    const othersCores =
      machineCores === null
        ? null
        : round(Math.max(0, machineCores - (serverCores ?? 0) - (generatorCores ?? 0)), 2);
    return { wallSec: round(wallSec, 2) ?? 0, serverCores, generatorCores, machineCores, othersCores };
  };
}
