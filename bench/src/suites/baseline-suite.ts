import { tmpdir } from "node:os";
import type { SocketSpec } from "../generator/protocol";
import type { IdleResult, LadderResult, PingPongResult } from "../report/bench-result";
import { startBaseline } from "../server-process";
import { runFanOutLadder } from "./fan-out-ladder";
import { runIdleSockets } from "./idle-sockets";
import { openPairs, runPingPong } from "./pairs";
import { finishSockets, type RunContext } from "./run-context";

export interface BaselineSuiteResult {
  fanOut: LadderResult[];
  pingPong: PingPongResult | null;
  idle: IdleResult[];
}

/**
 * The same idle, fan-out and ping-pong phases against the plain Socket.IO broadcast server
 * (baseline/socketio-server.ts): what a Node developer gets without Parley's storage, auth and
 * ordering, and so the yardstick for the "≥ 2× the baseline" target.
 */
export async function runBaselineSuite(
  ctx: RunContext,
  fdLimit: number | null,
  abort: (reason: string) => void,
): Promise<BaselineSuiteResult> {
  const { profile, phases } = ctx.options;
  ctx.log("starting the Socket.IO baseline");
  const server = await startBaseline(tmpdir());
  let expected = false;
  ctx.cleanup.add("stop Socket.IO baseline", () => {
    expected = true;
    return server.stop();
  });
  void server.exited.then((how) => {
    if (!expected) abort(`Socket.IO baseline exited during the run (${how})`);
  });
  const target = { kind: "socketio", port: server.port } as const;
  const serverPid = server.pid;

  const idle = phases.includes("idle")
    ? await runIdleSockets(ctx, { system: "socketio", target, serverPid, fdLimit })
    : [];
  const fanOut: LadderResult[] = [];
  let next = 0;
  if (phases.includes("fanout")) {
    for (const size of profile.roomSizes) {
      const room = `fan-out-${size}`;
      const members: SocketSpec[] = Array.from({ length: size }, (_, i) => ({ id: next + i, room }));
      next += size;
      fanOut.push(await runFanOutLadder(ctx, { system: "socketio", target, serverPid, room, members }));
    }
  }
  let pingPong: PingPongResult | null = null;
  if (phases.includes("pingpong")) {
    const specs = Array.from({ length: 2 * profile.pairs }, (_, i) => ({
      id: next + i,
      room: `pair-${Math.floor(i / 2)}`,
    }));
    await openPairs(ctx, target, specs);
    pingPong = await runPingPong(ctx, "socketio", serverPid);
    await finishSockets(ctx, "socketio pairs");
  }
  expected = true;
  await server.stop();
  return { fanOut, pingPong, idle };
}
