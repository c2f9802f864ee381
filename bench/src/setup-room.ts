import { BenchSocket } from "./bench-socket";
import { RestClient } from "./rest-client";
import type { Member, Traffic } from "./traffic";

/** Sign-ups hash a password (argon2, ~20-40 ms of server CPU): a few at once, not all 20. */
const SIGNUP_CONCURRENCY = 4;

export interface Room {
  roomId: string;
  rests: RestClient[];
  timings: { signUpMs: number; joinMs: number };
}

/** Signs up `users` accounts; the first creates the room and the others join it. */
export async function prepareRoom(baseUrl: string, users: number, runId: string): Promise<Room> {
  const rests = Array.from({ length: users }, () => new RestClient(baseUrl));
  const t0 = performance.now();
  for (let i = 0; i < users; i += SIGNUP_CONCURRENCY) {
    await Promise.all(
      rests.slice(i, i + SIGNUP_CONCURRENCY).map((c, j) => c.signUp(`bench-${runId}-${i + j}`)),
    );
  }
  const t1 = performance.now();
  const [owner, ...others] = rests;
  if (!owner) throw new Error("no users");
  const room = await owner.createRoom(`bench ${runId}`);
  await Promise.all(others.map((c) => c.join(room.id)));
  const t2 = performance.now();
  return { roomId: room.id, rests, timings: { signUpMs: Math.round(t1 - t0), joinMs: Math.round(t2 - t1) } };
}

/** Opens every member's socket and syncs it from seq 0, so each sees the whole room. */
export async function connectMembers(port: number, room: Room, traffic: Traffic): Promise<Member[]> {
  return Promise.all(
    room.rests.map(async (rest, index) => {
      if (!rest.cookie) throw new Error(`user ${index} has no session cookie`);
      const socket = await BenchSocket.open(port, rest.cookie, {
        frame: (frame, at) => traffic.onFrame(index, frame, at),
        broken: (reason) => {
          traffic.broken ??= `user${index}: ${reason}`;
        },
      });
      traffic.watch(index, 0);
      await socket.sync(room.roomId, 0);
      return { index, socket };
    }),
  );
}
