import { readFileSync } from "node:fs";

// Linux /proc readings. Elsewhere they return null and the report shows "-".

/** Resident and peak resident memory of a process, in MiB, from /proc (Linux only). */
export function readMemory(pid: number): { rssMiB: number | null; peakRssMiB: number | null } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kib = (field: string) => {
      const m = status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, "m"));
      return m ? Math.round(Number(m[1]) / 102.4) / 10 : null;
    };
    return { rssMiB: kib("VmRSS"), peakRssMiB: kib("VmHWM") };
  } catch {
    return { rssMiB: null, peakRssMiB: null };
  }
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux only). */
export function readCpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the ")" that closes the command name; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]);
    // USER_HZ is 100 on every Linux we run on; node has no sysconf to ask.
    return ticks / 100;
  } catch {
    return null;
  }
}

/** Busy CPU seconds of the whole machine (all cores, every process), from /proc/stat. */
export function readMachineCpuSeconds(): number | null {
  try {
    const line = readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "";
    const [, ...ticks] = line.trim().split(/\s+/).map(Number);
    // user nice system idle iowait irq softirq steal: everything but idle and iowait is busy.
    const total = ticks.slice(0, 8).reduce((a, b) => a + b, 0);
    const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
    return (total - idle) / 100;
  } catch {
    return null;
  }
}

/**
 * How many cores other processes keep busy right now (a dev server rebuilding, a test run):
 * the bench shares the machine with them, so this says how far to trust the figures.
 */
export async function sampleBusyCores(ms: number): Promise<number | null> {
  const before = readMachineCpuSeconds();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = readMachineCpuSeconds();
  return before !== null && after !== null ? Math.round(((after - before) * 1000 * 100) / ms) / 100 : null;
}

/**
 * Waits (up to `maxMs`) for the machine to be quiet: other processes using at most `cores`
 * cores, sampled a second at a time. On a shared box a test suite in the background halves
 * what the bench can measure; better to start a little later than to publish noise.
 * Returns the last sample.
 */
export async function waitForQuiet(
  cores: number,
  maxMs: number,
  onWait: (busy: number) => void,
): Promise<number | null> {
  const until = performance.now() + maxMs;
  let busy = await sampleBusyCores(1000);
  let told = false;
  while (busy !== null && busy > cores && performance.now() < until) {
    if (!told) onWait(busy);
    told = true;
    busy = await sampleBusyCores(1000);
  }
  return busy;
}
