import { sleep } from "../clock";
import type { SocketSpec, Target } from "../generator/protocol";
import { readMemory } from "../proc-stats";
import type { IdleResult, System } from "../report/bench-result";
import { round } from "../stats";
import { finishSockets, openSockets, type RunContext, throwIfAborted } from "./run-context";

/** Time for the server to settle (buffers freed, a GC or two) before reading its RSS. */
const SETTLE_MS = 1_500;
/** File descriptors kept free for everything else a process has open. */
const FD_MARGIN = 200;

/**
 * Idle connections: open sockets up to each count (1,000 then 10,000), all authenticated and
 * idle, and read the server's RSS. Per socket = (RSS now − RSS before the first) / sockets: the
 * whole cost of a connection, kernel buffers excepted (they are not in RSS).
 */
export async function runIdleSockets(
  ctx: RunContext,
  args: { system: System; target: Target; serverPid: number; cookie?: string; fdLimit: number | null },
): Promise<IdleResult[]> {
  const results: IdleResult[] = [];
  await sleep(SETTLE_MS);
  const before = readMemory(args.serverPid).rssMiB;
  let open = 0;
  let openMs = 0;
  for (const wanted of ctx.options.profile.idleCounts) {
    throwIfAborted(ctx);
    // The server holds one descriptor per socket; each generator process 1/N of them.
    const count = args.fdLimit ? Math.min(wanted, args.fdLimit - FD_MARGIN) : wanted;
    if (count < wanted) {
      ctx.notes.push(
        `idle sockets: ${wanted} wanted, but the open-files limit is ${args.fdLimit}: measured ${count}`,
      );
    }
    const specs: SocketSpec[] = Array.from({ length: count - open }, (_, i) => ({
      id: 1_000_000 + open + i,
      room: null,
      ...(args.cookie ? { cookie: args.cookie } : {}),
    }));
    ctx.log(`${args.system} idle sockets: opening ${count.toLocaleString("en")}`);
    // Cumulative: the time to open all `count`, not just the ones added in this round.
    openMs += await openSockets(ctx, args.target, specs, { keep: open > 0, concurrency: 100 });
    open = count;
    await sleep(SETTLE_MS);
    const rss = readMemory(args.serverPid).rssMiB;
    const kib = rss !== null && before !== null ? round(((rss - before) * 1024) / count, 1) : null;
    results.push({ system: args.system, sockets: count, openMs, serverRssMiB: rss, kibPerSocket: kib });
    ctx.log(`  ${count.toLocaleString("en")} sockets: server RSS ${rss} MiB, ${kib} KiB per socket`);
  }
  await finishSockets(ctx, `${args.system} idle`);
  return results;
}
