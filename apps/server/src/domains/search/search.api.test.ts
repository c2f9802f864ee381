import { API, encodeSearchCursor, type Room, type SearchResponse } from "@parley/protocol";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestClient } from "../../testing/test-client";
import { DB_KINDS, seedPerson, startTestServer, type TestServer } from "../../testing/test-server";
import { postFile } from "../attachments/test-uploads";
import { indexMessages } from "./index-messages";
import { indexNewMessages } from "./index-room";

describe.each(DB_KINDS)("search (%s)", (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(() => server?.close());

  /**
   * Lets every queued job run — here, or in the worker's own round that may hold one — so what
   * search finds is a fact, not a race.
   */
  const settle = async () => {
    // New messages are indexed by a job due when their window (20 ms here) has closed.
    await new Promise((resolve) => setTimeout(resolve, 3 * server.app.ctx.config.searchIndexWindowMs));
    await server.app.ctx.jobs.drain();
    await expect
      .poll(
        async () =>
          (
            await server.app.ctx.db
              .selectFrom("jobs")
              .select("id")
              .where("status", "in", ["pending", "running"])
              // Not the ones due later (an upload's prune job, a day away).
              .where("run_after", "<=", new Date().toISOString())
              .execute()
          ).length,
        { timeout: 5_000 },
      )
      .toBe(0);
  };
  const search = (client: TestClient, params: Record<string, string>) =>
    client.request<SearchResponse>("GET", `${API.search}?${new URLSearchParams(params)}`);
  /** The ids of what a search finds, newest first (expects 200). */
  const found = async (client: TestClient, params: Record<string, string>) => {
    const res = await search(client, params);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.results.map((r) => r.messageId);
  };
  const people = (...names: string[]) => Promise.all(names.map((n) => seedPerson(server, n)));

  /** A public channel of Olga's that Ann and Bo joined. */
  async function channel() {
    const [olga, ann, bo] = (await people("Olga", "Ann", "Bo")) as [TestClient, TestClient, TestClient];
    const room = await olga.createRoom();
    await ann.join(room.id);
    await bo.join(room.id);
    return { olga, ann, bo, room };
  }

  it("search: finds words, parts of words, URL fragments and short tokens, with the matches marked", async () => {
    const { ann, bo, room } = await channel();
    const url = await ann.send(room.id, "Redeployment finished: https://ci.example.com/builds/4711?tab=logs");
    const lunch = await ann.send(room.id, "lunch at the Café? ok");
    await settle();
    expect(await found(bo, { q: "deploy" })).toEqual([url.id]);
    expect(await found(bo, { q: "REDEPLOYMENT" })).toEqual([url.id]);
    expect(await found(bo, { q: "example.com/builds/47" })).toEqual([url.id]);
    expect(await found(bo, { q: "tab=logs" })).toEqual([url.id]);
    // Shorter than a trigram: matched by a scan of my rooms.
    expect(await found(bo, { q: "ok" })).toEqual([lunch.id]);
    expect(await found(bo, { q: "ci" })).toEqual([url.id]);
    // Every term must match.
    expect(await found(bo, { q: "deploy 4711" })).toEqual([url.id]);
    expect(await found(bo, { q: "deploy lunch" })).toEqual([]);
    expect(await found(bo, { q: "lunch ok" })).toEqual([lunch.id]);
    // Query syntax of the engines is plain text here.
    expect(await found(bo, { q: '"deploy" OR *' })).toEqual([]);
    expect(await found(bo, { q: "%" })).toEqual([]);

    const res = await search(bo, { q: "deploy" });
    const hit = res.body.results[0];
    expect(hit).toMatchObject({
      messageId: url.id,
      seq: url.seq,
      room: { id: room.id, kind: "channel", name: room.name },
      author: { id: ann.user?.id, displayName: "Ann" },
      createdAt: url.createdAt,
    });
    const snippet = hit?.snippet;
    expect(snippet?.text).toBe(url.body);
    expect(snippet?.highlights.map((h) => snippet.text.slice(h.start, h.end))).toEqual(["deploy"]);
  });

  it("search: sends are indexed by one job per window, not one per batch", async () => {
    const { ann, bo, room } = await channel();
    // One after another (a batch each), then eight at once (one or two batches).
    const sent = [];
    for (let i = 0; i < 4; i++) sent.push(await ann.send(room.id, `standup note ${i}`));
    sent.push(
      ...(await Promise.all([4, 5, 6, 7, 8, 9, 10, 11].map((i) => ann.send(room.id, `standup note ${i}`)))),
    );
    const jobs = await server.app.ctx.db
      .selectFrom("jobs")
      .select("dedupe_key")
      .where("kind", "=", "index-new-messages")
      .execute();
    // One job per window its messages were stored in (20 ms windows here; other tests' jobs may
    // share them, and be counted, so at least these windows, and never one per message).
    const windows = new Set(sent.map((m) => String(Math.floor(Date.parse(m.createdAt) / 20))));
    const keys = new Set(jobs.map((j) => j.dedupe_key));
    for (const window of windows) expect(keys.has(window)).toBe(true);
    expect(windows.size).toBeLessThan(sent.length);
    await settle();
    expect(new Set(await found(bo, { q: "standup note", roomId: room.id }))).toEqual(
      new Set(sent.map((m) => m.id)),
    );
  });

  it("search: newest first, a page at a time with a cursor", async () => {
    const { ann, bo, room } = await channel();
    const sent = [];
    for (const n of [1, 2, 3, 4, 5]) sent.push(await ann.send(room.id, `standup note ${n}`));
    await settle();
    const first = await search(bo, { q: "standup", limit: "2" });
    expect(first.body.results.map((r) => r.seq)).toEqual([sent[4]?.seq, sent[3]?.seq]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await search(bo, { q: "standup", limit: "2", cursor: first.body.nextCursor ?? "" });
    expect(second.body.results.map((r) => r.seq)).toEqual([sent[2]?.seq, sent[1]?.seq]);
    const third = await search(bo, { q: "standup", limit: "2", cursor: second.body.nextCursor ?? "" });
    expect(third.body.results.map((r) => r.seq)).toEqual([sent[0]?.seq]);
    expect(third.body.nextCursor).toBeNull();
  });

  it("search: only the rooms I am a member of now — not a private room, a DM of others, or a room I was kicked from", async () => {
    const [olga, ann, bo, eve] = (await people("Olga", "Ann", "Bo", "Eve")) as TestClient[] as [
      TestClient,
      TestClient,
      TestClient,
      TestClient,
    ];
    const created = await olga.request<{ room: Room }>("POST", API.rooms, {
      name: "secret-plans",
      visibility: "private",
    });
    expect(created.status).toBe(201);
    const privateRoom = created.body.room;
    expect(
      (await olga.request("POST", API.members(privateRoom.id), { userId: ann.user?.id })).status,
    ).toBeLessThan(300);
    const secret = await olga.send(privateRoom.id, "the quartz launch is friday");
    const publicRoom = await olga.createRoom();
    const open = await olga.send(publicRoom.id, "quartz in the open channel");
    const dm = await ann.request<{ room: Room }>("POST", API.conversations, { userIds: [bo.user?.id] });
    const whisper = await ann.send(dm.body.room.id, "quartz between us two");
    await settle();

    // Olga is in both of her rooms; Ann in the private room and the DM; Bo in the DM only.
    expect(await found(olga, { q: "quartz" })).toEqual([open.id, secret.id]);
    expect(await found(ann, { q: "quartz" })).toEqual([whisper.id, secret.id]);
    expect(await found(bo, { q: "quartz" })).toEqual([whisper.id]);
    const dmHit = (await search(bo, { q: "quartz" })).body.results[0];
    expect(dmHit?.room).toMatchObject({ kind: "dm", people: [{ id: ann.user?.id, displayName: "Ann" }] });
    // An outsider finds nothing: not the private room, not the DM, not a channel they never joined
    // (as in Slack, search covers my rooms) — and asking for a room by id changes nothing.
    expect(await found(eve, { q: "quartz" })).toEqual([]);
    expect(await found(eve, { q: "qu" })).toEqual([]);
    expect(await found(eve, { q: "quartz", roomId: privateRoom.id })).toEqual([]);

    // Kicked from the private room: its messages are gone from Ann's results at once.
    expect((await olga.request("POST", API.kick(privateRoom.id, ann.user?.id ?? ""))).status).toBe(204);
    expect(await found(ann, { q: "quartz" })).toEqual([whisper.id]);
    expect(await found(ann, { q: "qu" })).toEqual([whisper.id]);
  });

  it("search: filters by room, by person and by date range", async () => {
    const { olga, ann, bo, room } = await channel();
    const other = await olga.createRoom();
    await bo.join(other.id);
    const a1 = await ann.send(room.id, "release train leaves");
    const o1 = await olga.send(room.id, "release notes drafted");
    const b1 = await bo.send(other.id, "release party");
    await settle();
    expect(await found(bo, { q: "release" })).toEqual([b1.id, o1.id, a1.id]);
    expect(await found(bo, { q: "release", roomId: room.id })).toEqual([o1.id, a1.id]);
    expect(await found(bo, { q: "release", from: ann.user?.id ?? "" })).toEqual([a1.id]);
    expect(await found(bo, { q: "release", from: bo.user?.id ?? "", roomId: room.id })).toEqual([]);
    // With a file: the caption is what is searched, and only messages carrying files match.
    const withFile = await postFile(
      ann,
      room.id,
      Buffer.from("release checklist\n"),
      "checklist.txt",
      "text/plain",
    );
    await ann.request("PATCH", API.message(room.id, withFile.id), { body: "release checklist attached" });
    await settle();
    expect(await found(bo, { q: "release", hasFile: "true" })).toEqual([withFile.id]);
    expect(await found(bo, { q: "release", hasFile: "false" })).toHaveLength(4);
    expect((await search(bo, { q: "release", hasFile: "yes" })).status).toBe(400);
    await ann.request("DELETE", API.message(room.id, withFile.id));

    // Dates: move the messages apart in time, then ask for a window.
    const at = (id: string, iso: string) =>
      server.app.ctx.db.updateTable("messages").set({ created_at: iso }).where("id", "=", id).execute();
    await at(a1.id, "2026-01-10T09:00:00.000Z");
    await at(o1.id, "2026-02-10T09:00:00.000Z");
    await at(b1.id, "2026-03-10T09:00:00.000Z");
    expect(await found(bo, { q: "release", after: "2026-02-01" })).toEqual([b1.id, o1.id]);
    expect(await found(bo, { q: "release", before: "2026-02-10T09:00:00Z" })).toEqual([a1.id]);
    expect(await found(bo, { q: "release", after: "2026-02-01", before: "2026-03-01" })).toEqual([o1.id]);
  });

  it("search: a deleted message is not found, and its text leaves the index", async () => {
    const { ann, bo, room } = await channel();
    const gone = await ann.send(room.id, "my password is hunter2-xylophone");
    const kept = await ann.send(room.id, "xylophone lessons");
    await settle();
    expect(await found(bo, { q: "xylophone" })).toEqual([kept.id, gone.id]);
    await server.app.ctx.jobs.stop();
    try {
      expect((await ann.request("DELETE", API.message(room.id, gone.id))).status).toBe(200);
      // Not found even before the index job has run.
      expect(await found(bo, { q: "hunter2" })).toEqual([]);
    } finally {
      server.app.ctx.jobs.start();
    }
    await settle();
    expect(await found(bo, { q: "xylophone" })).toEqual([kept.id]);
    const docs = await server.app.ctx.db
      .selectFrom("search_docs")
      .select("message_id")
      .where("message_id", "in", [gone.id, kept.id])
      .execute();
    expect(docs.map((d) => d.message_id)).toEqual([kept.id]);
    if (kind === "sqlite") {
      // The FTS tables themselves no longer hold the word.
      const words = await sql<{ n: number }>`select count(*) as n from search_trigrams
        where search_trigrams match '"hunter2"'`.execute(server.app.ctx.db);
      expect(words.rows[0]?.n).toBe(0);
    } else {
      const rows = await sql<{ n: string }>`select count(*) as n from search_docs
        where body ilike '%hunter2%'`.execute(server.app.ctx.db);
      expect(Number(rows.rows[0]?.n)).toBe(0);
    }
  });

  it("search: re-running the index job gives the same index", async () => {
    const { ann, bo, room } = await channel();
    const message = await ann.send(room.id, "idempotent marmalade");
    await settle();
    await indexMessages(server.app.ctx, [message.id]);
    await indexMessages(server.app.ctx, [message.id, message.id]);
    expect(await found(bo, { q: "marmalade" })).toEqual([message.id]);
    const docs = await server.app.ctx.db
      .selectFrom("search_docs")
      .select("message_id")
      .where("message_id", "=", message.id)
      .execute();
    expect(docs).toHaveLength(1);
  });

  it("search: pages through a long history exactly newest first, for common and rare words", {
    timeout: 60_000,
  }, async () => {
    const { ann, bo, room } = await channel();
    // 9,000 messages straight into the table (several windows of the SQLite index), many
    // sharing a millisecond as a batch does; every 7th is "common", every 1,500th "rare".
    const start = Date.parse("2026-06-01T00:00:00.000Z");
    const rows = Array.from({ length: 9_000 }, (_, i) => ({
      id: crypto.randomUUID(),
      room_id: room.id,
      seq: i + 1,
      author_id: ann.user?.id ?? "",
      client_id: `bulk-${i}`,
      body: `${i % 7 === 0 ? "common" : "other"} ${i % 1_500 === 0 ? "rarebird" : ""} text ${i}`,
      created_at: new Date(start + Math.floor(i / 3) * 1_000).toISOString(),
    }));
    const db = server.app.ctx.db;
    for (let i = 0; i < rows.length; i += 500)
      await db
        .insertInto("messages")
        .values(rows.slice(i, i + 500))
        .execute();
    await db.updateTable("rooms").set({ last_seq: rows.length }).where("id", "=", room.id).execute();
    for (let i = 0; i < rows.length; i += 1_000)
      await indexMessages(
        server.app.ctx,
        rows.slice(i, i + 1_000).map((r) => r.id),
      );
    const newestFirst = (match: (body: string) => boolean) =>
      rows
        .filter((r) => match(r.body))
        .sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id.localeCompare(a.id))
        .map((r) => r.id);
    for (const [q, match] of [
      ["common", (b: string) => b.startsWith("common")],
      ["rarebird", (b: string) => b.includes("rarebird")],
    ] as const) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const params: Record<string, string> = { q, limit: "50", roomId: room.id };
        if (cursor) params.cursor = cursor;
        const res = await search(bo, params);
        expect(res.status).toBe(200);
        seen.push(...res.body.results.map((r) => r.messageId));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(newestFirst(match));
    }
  });

  it("search: the window job reads every room's new entries in rounds and moves each room's watermark to its end", {
    timeout: 60_000,
  }, async () => {
    // 1,005 entries over three rooms: more than one round (500), one room cut off mid-round.
    const sizes = [700, 5, 300];
    const { ann, bo } = await channel();
    const db = server.app.ctx.db;
    const rooms: Room[] = [];
    for (const size of sizes) {
      const room = await ann.createRoom();
      await bo.join(room.id);
      const rows = Array.from({ length: size }, (_, i) => ({
        id: crypto.randomUUID(),
        room_id: room.id,
        seq: i + 1,
        author_id: ann.user?.id ?? "",
        client_id: `round-${i}`,
        body: `roundtrip ${room.id.slice(0, 8)} entry${i}`,
        created_at: new Date(Date.parse("2026-07-01T00:00:00.000Z") + i).toISOString(),
      }));
      for (let i = 0; i < rows.length; i += 500)
        await db
          .insertInto("messages")
          .values(rows.slice(i, i + 500))
          .execute();
      await db
        .updateTable("rooms")
        .set({ last_seq: size, indexed_seq: 0 })
        .where("id", "=", room.id)
        .execute();
      rooms.push(room);
    }
    await indexNewMessages(server.app.ctx);
    const marks = await db
      .selectFrom("rooms")
      .select(["id", "indexed_seq", "last_seq"])
      .where(
        "id",
        "in",
        rooms.map((r) => r.id),
      )
      .execute();
    for (const m of marks) expect(Number(m.indexed_seq)).toBe(Number(m.last_seq));
    for (const [i, room] of rooms.entries()) {
      const last = `entry${(sizes[i] ?? 1) - 1}`;
      expect(await found(bo, { q: last, roomId: room.id })).toHaveLength(1);
    }
    const docs = await sql<{ n: number }>`select count(*) as n from search_docs d
      join messages m on m.id = d.message_id where m.client_id like 'round-%'`.execute(db);
    expect(Number(docs.rows[0]?.n)).toBe(1_005);
  });

  it("search: bad input is refused with VALIDATION_FAILED; anonymous with 401", async () => {
    const { bo } = await channel();
    const cursor = encodeSearchCursor({ createdAt: new Date().toISOString(), id: bo.user?.id ?? "" });
    expect((await search(bo, { q: "fine", cursor })).status).toBe(200);
    const bad: Array<Record<string, string>> = [
      {},
      { q: "" },
      { q: "   " },
      { q: "x".repeat(201) },
      { q: "a b c d e f g h i" },
      { q: "fine", cursor: "not a cursor!" },
      { q: "fine", cursor: "bm9wZQ" },
      { q: "fine", after: "yesterday" },
      { q: "fine", before: "2026-13-45" },
      { q: "fine", after: "2026-03-01", before: "2026-02-01" },
      { q: "fine", roomId: "general" },
      { q: "fine", from: "someone" },
      { q: "fine", limit: "0" },
      { q: "fine", limit: "51" },
    ];
    for (const params of bad) {
      const res = await search(bo, params);
      expect(res.status, JSON.stringify(params)).toBe(400);
      expect(res.body).toMatchObject({ error: { code: "VALIDATION_FAILED" } });
    }
    const anonymous = new (bo.constructor as typeof TestClient)(server.url);
    expect((await search(anonymous, { q: "fine" })).status).toBe(401);
  });
});
