import { type CpuFigures, startCpuMeter } from "../cpu-meter";
import type { SocketSpec } from "../generator/protocol";
import type { DbKind } from "../options";
import type { IdleResult, LadderResult, PersistedResult, PingPongResult } from "../report/bench-result";
import { runFanOutLadder } from "./fan-out-ladder";
import { runIdleSockets } from "./idle-sockets";
import { openPairs, runPersisted, runPingPong } from "./pairs";
import { createPairRooms, startParleyServer } from "./parley-server";
import { measureQuietly } from "./quiet";
import { finishSockets, type RunContext } from "./run-context";

export interface ParleySuiteResult {
  seedMs: number;
  /** The biggest room's members joining it over REST, all at once. */
  join: { members: number; ms: number; cpu: CpuFigures } | null;
  fanOut: LadderResult[];
  pingPong: PingPongResult | null;
  idle: IdleResult[];
  persisted: PersistedResult | null;
  peakRssMiB: number | null;
  errorLogLines: number;
  errorLogExamples: string[];
}

/**
 * Every Parley phase on one server: idle sockets (first, while the heap is still clean), the
 * members of the biggest room joining it over REST (timed), the fan-out ladders, then
 * `afterFanOut` (the baseline's phases: on a shared machine, figures to be compared are best
 * measured close together in time), then the pair rooms' ping-pong and persisted sends.
 *
 * Users, by index: 0 owns the fan-out rooms and never connects (so a "room of 500" has 500
 * connected members, plus its creator); 1 holds the idle sockets; then each room's members;
 * then the pairs.
 */
export async function runParleySuite(
  ctx: RunContext,
  db: DbKind,
  runId: string,
  fdLimit: number | null,
  abort: (reason: string) => void,
  afterFanOut: () => Promise<void> = async () => undefined,
): Promise<ParleySuiteResult> {
  const { profile, phases } = ctx.options;
  const roomTotal = profile.roomSizes.reduce((a, b) => a + b, 0);
  const p = await startParleyServer(ctx, db, 2 + roomTotal + 2 * profile.pairs, runId, abort);
  const [owner, idleUser] = p.users;
  if (!owner || !idleUser) throw new Error("seeding gave too few users");
  const serverPid = p.server.pid;
  const target = { kind: "parley", port: p.server.port } as const;

  // Idle sockets first, while the server's heap holds nothing but its start-up.
  const idle = phases.includes("idle")
    ? await runIdleSockets(ctx, { system: "parley", target, serverPid, cookie: idleUser.cookie, fdLimit })
    : [];

  // Rooms and their members, joined over REST; the biggest room's joins are the timed figure.
  let next = 2;
  const rooms: Array<{ id: string; members: SocketSpec[] }> = [];
  let join: ParleySuiteResult["join"] = null;
  for (const size of profile.roomSizes) {
    const members = p.users.slice(next, next + size);
    // Repeated (into a fresh room: a join is once) if another process took the machine
    // meanwhile; the fan-out then uses the last room, the earlier one stays silent.
    const joined = await measureQuietly(ctx, `${size} joins`, async () => {
      const room = await p.rest(owner).createRoom(`fan-out ${size} ${runId}`);
      const meter = startCpuMeter(serverPid, ctx.pool.pids);
      const startedAt = performance.now();
      await Promise.all(members.map((u) => p.rest(u).join(room.id)));
      const ms = Math.round(performance.now() - startedAt);
      ctx.log(`${size} members joined one room over REST in ${ms} ms`);
      return { roomId: room.id, ms, cpu: meter() };
    });
    if (!join || size > join.members) join = { members: size, ms: joined.ms, cpu: joined.cpu };
    rooms.push({
      id: joined.roomId,
      members: members.map((u, i) => ({ id: next + i, room: joined.roomId, cookie: u.cookie })),
    });
    next += size;
  }
  const pairUsers = p.users.slice(next, next + 2 * profile.pairs);

  const fanOut: LadderResult[] = [];
  if (phases.includes("fanout")) {
    for (const room of rooms) {
      fanOut.push(
        await runFanOutLadder(ctx, {
          system: "parley",
          target,
          serverPid,
          room: room.id,
          members: room.members,
        }),
      );
    }
  }
  await afterFanOut();
  let pingPong: PingPongResult | null = null;
  let persisted: PersistedResult | null = null;
  if (phases.includes("pingpong") || phases.includes("persisted")) {
    const pairRooms = await createPairRooms(p, pairUsers);
    const specs = pairUsers.map((u, i) => ({
      id: next + i,
      room: pairRooms[Math.floor(i / 2)] ?? null,
      cookie: u.cookie,
    }));
    ctx.log(`Parley pairs: ${profile.pairs} direct messages`);
    await openPairs(ctx, target, specs);
    if (phases.includes("pingpong")) pingPong = await runPingPong(ctx, "parley", serverPid);
    if (phases.includes("persisted")) persisted = await runPersisted(ctx, db, serverPid, specs.length);
    await finishSockets(ctx, "parley pairs");
  }
  const peakRssMiB = p.peakRssMiB();
  await p.stop();
  return {
    seedMs: p.seedMs,
    join,
    fanOut,
    pingPong,
    idle,
    persisted,
    peakRssMiB,
    errorLogLines: p.server.errors.count,
    errorLogExamples: p.server.errors.examples,
  };
}

/**
 * Persisted sends alone on a second server with the other database (the main suite measured
 * its own): pair users seeded, pair rooms, the same closed loop.
 */
export async function runPersistedSuite(
  ctx: RunContext,
  db: DbKind,
  runId: string,
  abort: (reason: string) => void,
): Promise<{ persisted: PersistedResult; errorLogLines: number; errorLogExamples: string[] }> {
  const pairs = ctx.options.profile.pairs;
  const p = await startParleyServer(ctx, db, 2 * pairs, runId, abort);
  const rooms = await createPairRooms(p, p.users);
  const specs = p.users.map((u, i) => ({ id: i, room: rooms[Math.floor(i / 2)] ?? null, cookie: u.cookie }));
  await openPairs(ctx, { kind: "parley", port: p.server.port }, specs);
  const persisted = await runPersisted(ctx, db, p.server.pid, specs.length);
  await finishSockets(ctx, `parley pairs (${db})`);
  await p.stop();
  return { persisted, errorLogLines: p.server.errors.count, errorLogExamples: p.server.errors.examples };
}
