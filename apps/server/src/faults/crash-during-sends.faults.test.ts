import { connectDb } from "@parley/db";
import { type TestDatabase, tempPostgres, tempSqlite } from "@parley/db/testing";
import type { Message } from "@parley/protocol";
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { ServerProcess, serverEnvFor } from "../testing/server-process";
import { isFrame, TestClient, type TestSocket } from "../testing/test-client";
import { DB_KINDS, type DbKindUnderTest } from "../testing/test-server";
import { seededRandom } from "./seeded-random";

const CLIENTS = 10;
const PER_CLIENT = 100; // 1,000 sends in all
const WINDOW = 4; // unacked sends a client keeps in flight
const SEEDS = [11, 23, 37];

interface Sender {
  client: TestClient;
  socket?: TestSocket;
  /** clientId -> body, in the order this person wrote them. */
  planned: Array<{ clientId: string; body: string }>;
  acked: Map<string, Message>;
}

/**
 * Each sender writes its planned messages over the socket with a few in flight, until all are
 * acked or the socket dies. On a new socket it resends every unacked one with its original
 * clientId — what the web client's outbox does.
 */
async function sendAll(sender: Sender, roomId: string): Promise<void> {
  const socket = sender.socket;
  if (!socket) return;
  const pending = sender.planned.filter((p) => !sender.acked.has(p.clientId));
  let next = 0;
  let inFlight = 0;
  await new Promise<void>((resolve) => {
    const pump = () => {
      while (inFlight < WINDOW && next < pending.length && socket.ws.readyState === socket.ws.OPEN) {
        const p = pending[next++];
        if (!p) break;
        inFlight++;
        socket.send({ type: "message.send", roomId, clientId: p.clientId, body: p.body });
      }
      if ((next >= pending.length && inFlight === 0) || socket.ws.readyState !== socket.ws.OPEN) resolve();
    };
    socket.ws.on("message", (data) => {
      const frame = JSON.parse(data.toString());
      if (frame.type === "message.ack") {
        sender.acked.set(frame.clientId, frame.message);
        inFlight--;
        pump();
      }
    });
    socket.ws.once("close", () => resolve());
    pump();
  });
}

async function connectAll(senders: Sender[], url: string): Promise<void> {
  for (const s of senders) {
    s.client = new TestClient(url).withCookie(s.client.cookie);
    s.socket = await s.client.connect();
    await s.socket.waitFor(isFrame("ready"));
  }
}

describe.each(DB_KINDS)("faults: kill -9 during 1,000 sends (%s)", (kind: DbKindUnderTest) => {
  let database: TestDatabase | undefined;
  let server: ServerProcess | undefined;
  afterEach(async () => {
    await server?.dispose();
    await database?.dispose();
  });

  it.each(SEEDS)(
    "faults: every acked message is stored exactly once, sequences gapless (seed %i)",
    async (seed) => {
      const random = seededRandom(seed);
      database = kind === "sqlite" ? tempSqlite() : await tempPostgres();
      server = new ServerProcess(serverEnvFor(database.options));
      let url = await server.start();

      const owner = new TestClient(url);
      await owner.signUp(`owner${seed}`);
      const room = await owner.createRoom(`faults-${seed}`);
      const senders: Sender[] = [];
      for (let i = 0; i < CLIENTS; i++) {
        const client = new TestClient(url);
        await client.signUp(`s${seed}x${i}`);
        await client.join(room.id);
        senders.push({
          client,
          planned: Array.from({ length: PER_CLIENT }, (_, n) => ({
            clientId: `seed${seed}-c${i}-m${n}`,
            body: `client ${i} message ${n}`,
          })),
          acked: new Map(),
        });
      }
      await connectAll(senders, url);

      // Crash at a random point between 10% and 80% of the acks.
      const crashAfter = Math.floor(CLIENTS * PER_CLIENT * (0.1 + 0.7 * random()));
      const sending = Promise.all(senders.map((s) => sendAll(s, room.id)));
      const crashed = (async () => {
        for (;;) {
          const acked = senders.reduce((n, s) => n + s.acked.size, 0);
          if (acked >= crashAfter) break;
          await new Promise((r) => setTimeout(r, 2));
        }
        await server?.crash();
      })();
      await Promise.all([sending, crashed]);
      const ackedBeforeCrash = new Map(senders.flatMap((s) => [...s.acked]));
      expect(ackedBeforeCrash.size).toBeGreaterThanOrEqual(crashAfter);
      expect(ackedBeforeCrash.size).toBeLessThan(CLIENTS * PER_CLIENT);

      // Restart on the same data; everyone reconnects and resends what was not acked.
      url = await server.start();
      await connectAll(senders, url);
      await Promise.all(senders.map((s) => sendAll(s, room.id)));
      for (const s of senders) s.socket?.close();

      // Acks given before the crash still stand, with the same ids.
      for (const s of senders) {
        expect(s.acked.size).toBe(PER_CLIENT);
        for (const [clientId, message] of s.acked) {
          const before = ackedBeforeCrash.get(clientId);
          if (before) expect(message.id).toBe(before.id);
        }
      }

      await server.stop();
      const check = connectDb(database.options);
      try {
        const rows = await check.db
          .selectFrom("messages")
          .select(["id", "seq", "client_id", "author_id"])
          .where("room_id", "=", room.id)
          .orderBy("seq")
          .execute();
        expect(rows).toHaveLength(CLIENTS * PER_CLIENT);
        expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: rows.length }, (_, i) => i + 1));
        const byClientId = new Map(rows.map((r) => [r.client_id, r.id]));
        expect(byClientId.size).toBe(rows.length);
        for (const s of senders)
          for (const [clientId, m] of s.acked) expect(byClientId.get(clientId)).toBe(m.id);
        const roomRow = await check.db
          .selectFrom("rooms")
          .select("last_seq")
          .where("id", "=", room.id)
          .executeTakeFirst();
        expect(Number(roomRow?.last_seq)).toBe(rows.length);
        if (check.kind === "sqlite") {
          const result = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(check.db);
          expect(result.rows[0]?.integrity_check).toBe("ok");
        }
      } finally {
        await check.close();
      }
    },
  );
});
