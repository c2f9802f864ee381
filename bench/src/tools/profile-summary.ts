/**
 * Self time per function in a V8 .cpuprofile (what `node --cpu-prof` writes), and per
 * package: where the server spent its CPU under load. Pure, for tests; the CLI is
 * tools/summarize-profile.ts.
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
}

export interface SelfTime {
  name: string;
  ms: number;
  /** Share of the busy (non-idle) time. */
  share: number;
}

/** `(idle)` is the loop waiting; everything else is CPU the process used. */
const IDLE = "(idle)";

/**
 * Adds up each sample's time on the function it landed in, between `skipMs` and `untilMs`
 * after the profile started: leaving out start-up (TypeScript transpiling, migrations) lets
 * the load dominate, and a window isolates one phase.
 */
export function selfTimes(
  profile: CpuProfile,
  skipMs = 0,
  untilMs = Number.POSITIVE_INFINITY,
): { busyMs: number; idleMs: number; byFunction: SelfTime[]; byPackage: SelfTime[] } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const fn = new Map<string, number>();
  const pkg = new Map<string, number>();
  let t = 0;
  let busy = 0;
  let idle = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    t += dt;
    if (t < skipMs || t > untilMs) return;
    const frame = byId.get(id)?.callFrame;
    if (!frame) return;
    if (frame.functionName === IDLE) {
      idle += dt;
      return;
    }
    busy += dt;
    const where = frame.url ? `${shortUrl(frame.url)}:${frame.lineNumber + 1}` : "";
    const name = `${frame.functionName || "(anonymous)"}${where ? ` ${where}` : ""}`;
    fn.set(name, (fn.get(name) ?? 0) + dt);
    const p = packageOf(frame.url, frame.functionName);
    pkg.set(p, (pkg.get(p) ?? 0) + dt);
  });
  const sorted = (m: Map<string, number>) =>
    [...m]
      .map(([name, ms]) => ({
        name,
        ms: Math.round(ms),
        share: busy ? Math.round((ms / busy) * 1000) / 10 : 0,
      }))
      .sort((a, b) => b.ms - a.ms);
  return {
    busyMs: Math.round(busy),
    idleMs: Math.round(idle),
    byFunction: sorted(fn),
    byPackage: sorted(pkg),
  };
}

/** `.../node_modules/ws/lib/sender.js` -> `ws/lib/sender.js`; repo paths from `apps/`, `packages/`. */
export function shortUrl(url: string): string {
  const path = url.replace(/^file:\/\//, "");
  const nm = path.lastIndexOf("node_modules/");
  if (nm >= 0) return path.slice(nm + "node_modules/".length);
  const repo = path.search(/\/(apps|packages|bench)\//);
  return repo >= 0 ? path.slice(repo + 1) : path;
}

/** The npm package, the repo area, `node:internal`, or the V8 pseudo-frame (GC, program). */
export function packageOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  const path = url.replace(/^file:\/\//, "");
  const nm = path.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = path.slice(nm + "node_modules/".length).split("/");
    return rest[0]?.startsWith("@") ? `${rest[0]}/${rest[1]}` : (rest[0] ?? "?");
  }
  if (path.startsWith("node:")) return "node (core)";
  const repo = path.match(/\/((apps|packages)\/[^/]+\/src\/[^/]+)/);
  return repo?.[1] ?? path;
}
