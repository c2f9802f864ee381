import { randomUUID } from "node:crypto";
import { API, MESSAGE_MAX_LENGTH, type Message } from "@parley/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient } from "../../testing/test-client";
import { DB_KINDS, startWithPeople, type TestServer } from "../../testing/test-server";

describe.each(DB_KINDS)("messages API (%s)", (kind) => {
  let server: TestServer;
  let ana: TestClient;
  let ben: TestClient;
  beforeAll(async () => {
    ({
      server,
      people: [ana, ben],
    } = await startWithPeople(kind, ["ana", "ben"]));
  });
  afterAll(() => server?.close());

  it("messages: sends get gapless per-room sequence numbers starting at 1", async () => {
    const room = await ana.createRoom();
    const other = await ana.createRoom();
    const seqs = [];
    for (let i = 0; i < 5; i++) seqs.push((await ana.send(room.id, `m${i}`)).seq);
    expect(seqs).toEqual([1, 2, 3, 4, 5]);
    expect((await ana.send(other.id, "elsewhere")).seq).toBe(1);
  });

  it("messages: concurrent sends from many clients stay gapless and unique", async () => {
    const room = await ana.createRoom();
    await ben.join(room.id);
    const sends = Array.from({ length: 40 }, (_, i) => (i % 2 ? ana : ben).send(room.id, `c${i}`));
    const messages = await Promise.all(sends);
    const seqs = messages.map((m) => m.seq).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it("messages: a retried clientId returns the original message, never a duplicate", async () => {
    const room = await ana.createRoom();
    const clientId = randomUUID();
    const first = await ana.request<{ message: Message; duplicate: boolean }>("POST", API.messages(room.id), {
      clientId,
      body: "once",
    });
    expect(first.status).toBe(201);
    const retries = await Promise.all(
      Array.from({ length: 10 }, () =>
        ana.request<{ message: Message; duplicate: boolean }>("POST", API.messages(room.id), {
          clientId,
          body: "once",
        }),
      ),
    );
    for (const r of retries) {
      expect(r.status).toBe(200);
      expect(r.body.duplicate).toBe(true);
      expect(r.body.message.id).toBe(first.body.message.id);
    }
    const history = await ana.history(room.id);
    expect(history.messages.map((m) => m.body)).toEqual(["once"]);
    // The same clientId from another author is a different message.
    await ben.join(room.id);
    const bens = await ben.request<{ message: Message; duplicate: boolean }>("POST", API.messages(room.id), {
      clientId,
      body: "mine",
    });
    expect(bens.status).toBe(201);
    expect(bens.body.message.seq).toBe(2);
  });

  it("messages: concurrent first sends of one clientId store exactly one message", async () => {
    const room = await ana.createRoom();
    const clientId = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        ana.request<{ message: Message; duplicate: boolean }>("POST", API.messages(room.id), {
          clientId,
          body: "race",
        }),
      ),
    );
    const ids = new Set(results.map((r) => r.body.message.id));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    const next = await ana.send(room.id, "after");
    expect(next.seq).toBe(2);
  });

  it("messages: history pages backwards 50 at a time and forwards with after", async () => {
    const room = await ana.createRoom();
    for (let i = 1; i <= 120; i++) await ana.send(room.id, `n${i}`);
    const newest = await ana.history(room.id);
    expect(newest.messages).toHaveLength(50);
    expect(newest.messages[0]?.seq).toBe(71);
    expect(newest.messages.at(-1)?.seq).toBe(120);
    expect(newest.hasMore).toBe(true);
    const older = await ana.history(room.id, "?before=71");
    expect(older.messages.map((m) => m.seq)).toEqual(Array.from({ length: 50 }, (_, i) => 21 + i));
    const oldest = await ana.history(room.id, "?before=21");
    expect(oldest.messages).toHaveLength(20);
    expect(oldest.hasMore).toBe(false);
    const forward = await ana.history(room.id, "?after=115");
    expect(forward.messages.map((m) => m.seq)).toEqual([116, 117, 118, 119, 120]);
    expect(forward.hasMore).toBe(false);
    expect(newest.messages[0]?.author).toEqual({ id: ana.user?.id, displayName: "ana" });
  });

  it("messages: a non-member cannot read or post (403); unknown room is 404", async () => {
    const room = await ana.createRoom();
    const read = await ben.request<{ error: { code: string } }>("GET", API.messages(room.id));
    expect(read.status).toBe(403);
    expect(read.body.error.code).toBe("NOT_A_MEMBER");
    const post = await ben.request<{ error: { code: string } }>("POST", API.messages(room.id), {
      clientId: randomUUID(),
      body: "let me in",
    });
    expect(post.status).toBe(403);
    expect(post.body.error.code).toBe("NOT_A_MEMBER");
    const unknown = await ana.request<{ error: { code: string } }>("GET", API.messages(randomUUID()));
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("ROOM_NOT_FOUND");
  });

  it("messages: bodies over 4,000 characters, blank bodies and bad queries are rejected", async () => {
    const room = await ana.createRoom();
    const long = await ana.request<{ error: { code: string } }>("POST", API.messages(room.id), {
      clientId: randomUUID(),
      body: "x".repeat(MESSAGE_MAX_LENGTH + 1),
    });
    expect(long.status).toBe(400);
    expect(long.body.error.code).toBe("MESSAGE_TOO_LONG");
    // Exactly at the limit, counted in characters (emoji are one each), is fine.
    const atLimit = await ana.send(room.id, "😀".repeat(MESSAGE_MAX_LENGTH));
    expect([...atLimit.body]).toHaveLength(MESSAGE_MAX_LENGTH);
    const blank = await ana.request<{ error: { code: string } }>("POST", API.messages(room.id), {
      clientId: randomUUID(),
      body: "  \n ",
    });
    expect(blank.status).toBe(400);
    expect(blank.body.error.code).toBe("VALIDATION_FAILED");
    const badClientId = await ana.request<{ error: { code: string } }>("POST", API.messages(room.id), {
      clientId: "no spaces allowed",
      body: "hi",
    });
    expect(badClientId.status).toBe(400);
    const badQuery = await ana.request<{ error: { code: string } }>(
      "GET",
      `${API.messages(room.id)}?before=1&after=2`,
    );
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.error.code).toBe("VALIDATION_FAILED");
  });

  it("messages: acked messages survive a server restart", async () => {
    const room = await ana.createRoom();
    const sent = [];
    for (let i = 0; i < 5; i++) sent.push(await ana.send(room.id, `durable ${i}`));
    server = await server.restart();
    ana = new TestClient(server.url).withCookie(ana.cookie);
    const history = await ana.history(room.id);
    expect(history.messages.map((m) => m.id)).toEqual(sent.map((m) => m.id));
    expect((await ana.send(room.id, "after restart")).seq).toBe(6);
  });
});
