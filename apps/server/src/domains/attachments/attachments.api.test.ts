import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { API, type ErrorBody, type Message, type ServerFrame } from "@parley/protocol";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { blobPath } from "../../media/media-paths";
import type { TestClient } from "../../testing/test-client";
import { DB_KINDS, startWithPeople, type TestServer } from "../../testing/test-server";
import { jpegWithExif, pixelFloodPng, solidImage } from "../profiles/test-images";
import { fetchAs, postFile, uploadFile } from "./test-uploads";

const KB = 1024;
const bytesOf = (s: string) => new TextEncoder().encode(s);

describe.each(DB_KINDS)("attachments (%s)", (kind) => {
  let server: TestServer;
  let ana: TestClient;
  let ben: TestClient;
  let cleo: TestClient;
  let roomId: string;
  beforeAll(async () => {
    ({
      server,
      people: [ana, ben, cleo],
    } = await startWithPeople(kind, ["Ana", "Ben", "Cleo"], {
      uploads: { maxBytes: 256 * KB, quotaBytes: 600 * KB },
    }));
    roomId = (await ana.createRoom()).id;
    await ben.join(roomId);
  });
  afterAll(() => server?.close());

  const mediaRoot = () => join(server.app.ctx.config.dataDir, "media");
  const send = (client: TestClient, body: Record<string, unknown>, room = roomId) =>
    client.request<{ message: Message } & ErrorBody>("POST", API.messages(room), {
      clientId: crypto.randomUUID(),
      body: "",
      ...body,
    });

  it("attachments: an image is stored without EXIF, with its dimensions and a webp thumbnail", async () => {
    const up = await uploadFile(ana, roomId, await jpegWithExif(), "holiday.jpg", "image/jpeg");
    expect(up.status).toBe(201);
    const a = up.body.attachment;
    expect(a).toMatchObject({
      kind: "image",
      mime: "image/jpeg",
      name: "holiday.jpg",
      width: 30,
      height: 60,
    });
    expect(a.thumbUrl).toBeTruthy();
    // Pending: not served to anyone yet, not even its uploader.
    expect((await fetchAs(ana, a.url)).status).toBe(404);

    const sent = await send(ana, { body: "look at this", attachmentIds: [a.id] });
    expect(sent.status).toBe(201);
    expect(sent.body.message.attachments).toEqual([a]);

    const file = await fetchAs(ben, a.url);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("image/jpeg");
    expect(file.headers.get("content-disposition")).toMatch(/^inline;/);
    expect(file.headers.get("cache-control")).toBe("private, max-age=31536000, immutable");
    const stored = Buffer.from(await file.arrayBuffer());
    expect(stored.length).toBe(a.size);
    const meta = await sharp(stored).metadata();
    expect([meta.width, meta.height, meta.exif, meta.orientation]).toEqual([30, 60, undefined, undefined]);
    expect(stored.includes(Buffer.from("SecretCam"))).toBe(false);

    const thumb = await fetchAs(ben, a.thumbUrl ?? "");
    expect(thumb.headers.get("content-type")).toBe("image/webp");
    expect((await sharp(Buffer.from(await thumb.arrayBuffer())).metadata()).format).toBe("webp");

    // History carries the files too.
    const history = await ben.history(roomId);
    expect(history.messages.find((m) => m.id === sent.body.message.id)?.attachments).toEqual([a]);
  });

  it("attachments: a wide image's thumbnail is 720 px wide; a message may be files only", async () => {
    const up = await uploadFile(ana, roomId, await solidImage("png", 1440, 200), "wide.png", "image/png");
    expect(up.body.attachment).toMatchObject({ width: 1440, height: 200 });
    const sent = await send(ana, { attachmentIds: [up.body.attachment.id] });
    expect(sent.status).toBe(201);
    expect(sent.body.message.body).toBe("");
    const thumb = await fetchAs(ben, up.body.attachment.thumbUrl ?? "");
    const meta = await sharp(Buffer.from(await thumb.arrayBuffer())).metadata();
    expect([meta.width, meta.height]).toEqual([720, 100]);
    // Neither text nor files: still refused.
    const empty = await send(ana, { body: "  ", attachmentIds: [] });
    expect(empty.status).toBe(400);
  });

  it("attachments: a file that claims to be an image but is not is refused (415); other files are downloads", async () => {
    const fake = await uploadFile(
      ana,
      roomId,
      bytesOf("<html><script>alert(1)</script></html>"),
      "cat.png",
      "image/png",
    );
    expect(fake.status).toBe(415);
    expect(fake.body.error?.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    const labelled = await uploadFile(ana, roomId, bytesOf("just text"), "notes", "image/jpeg");
    expect(labelled.status).toBe(415);

    const html = await uploadFile(
      ana,
      roomId,
      bytesOf("<html><script>alert(1)</script></html>"),
      "page.html",
      "text/html",
    );
    expect(html.status).toBe(201);
    expect(html.body.attachment).toMatchObject({
      kind: "file",
      mime: "text/html",
      width: null,
      thumbUrl: null,
    });
    await send(ana, { attachmentIds: [html.body.attachment.id] });
    const res = await fetchAs(ben, html.body.attachment.url);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/octet-stream");
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="page.html"; filename*=UTF-8''page.html`,
    );
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toBe("sandbox; default-src 'none'");

    const svg = await uploadFile(
      ana,
      roomId,
      bytesOf('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
      "logo.svg",
      "image/svg+xml",
    );
    // An SVG is declared image/*, but its bytes are none of the image types Parley shows.
    expect(svg.status).toBe(415);
  });

  it("attachments: a pixel flood and a damaged image are refused with their reasons", async () => {
    const flood = await uploadFile(
      ana,
      roomId,
      await pixelFloodPng(40_000, 40_000),
      "flood.png",
      "image/png",
    );
    expect(flood.status).toBe(413);
    expect(flood.body.error?.code).toBe("IMAGE_TOO_LARGE");
    expect(flood.body.error?.message).toMatch(/40000 × 40000/);
    const png = await solidImage("png", 50, 50);
    const broken = await uploadFile(ana, roomId, png.subarray(0, 70), "broken.png", "image/png");
    expect(broken.status).toBe(400);
    expect(broken.body.error?.code).toBe("IMAGE_UNREADABLE");
  });

  it("attachments: names are sanitised; path climbing and missing names are refused (400)", async () => {
    const climbing = await uploadFile(ana, roomId, bytesOf("x"), "../../etc/passwd");
    expect(climbing.status).toBe(400);
    expect(climbing.body.error?.code).toBe("INVALID_FILE_NAME");
    const odd = await uploadFile(ana, roomId, bytesOf("report"), "C:\\Users\\ana\\report\u202e.txt");
    expect(odd.body.attachment.name).toBe("report.txt");
    const unicode = await uploadFile(ana, roomId, bytesOf("notes"), "Überraschung 🎉.txt", "text/plain");
    expect(unicode.body.attachment.name).toBe("Überraschung 🎉.txt");
    await send(ana, { attachmentIds: [unicode.body.attachment.id] });
    const res = await fetchAs(ben, unicode.body.attachment.url);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain(
      `filename*=UTF-8''${encodeURIComponent("Überraschung 🎉.txt")}`,
    );
    const noName = await fetch(server.url + API.uploads(roomId), {
      method: "POST",
      headers: { cookie: ana.cookie ?? "", "x-parley-csrf": "1" },
      body: bytesOf("x"),
    });
    expect(noName.status).toBe(400);
    expect(((await noName.json()) as ErrorBody).error.code).toBe("INVALID_FILE_NAME");
  });

  it("attachments: a file over the limit is refused (413), declared or streamed without a length", async () => {
    const big = new Uint8Array(300 * KB);
    const declared = await uploadFile(ana, roomId, big, "big.bin");
    expect(declared.status).toBe(413);
    expect(declared.body.error?.code).toBe("FILE_TOO_LARGE");
    // A chunked body has no Content-Length: the stream is cut off once it passes the limit.
    const chunks = [new Uint8Array(200 * KB), new Uint8Array(200 * KB)];
    const streamed = await fetch(server.url + API.uploads(roomId), {
      method: "POST",
      headers: { cookie: ana.cookie ?? "", "x-parley-csrf": "1", "x-parley-filename": "big.bin" },
      body: new ReadableStream({
        pull(controller) {
          const next = chunks.shift();
          if (next) controller.enqueue(next);
          else controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(((await streamed.json()) as ErrorBody).error.code).toBe("FILE_TOO_LARGE");
    // Nothing of either is left in the staging folder.
    expect(readdirSync(join(mediaRoot(), ".tmp")).filter((f) => f.startsWith("upload."))).toEqual([]);
  });

  it("attachments: uploads past the person's quota are refused (413 QUOTA_EXCEEDED)", async () => {
    // Cleo's own quota: 600 KB. Two files of 250 KB fit; a third does not.
    const cleoRoom = (await cleo.createRoom()).id;
    const file = (n: number) => new Uint8Array(250 * KB).fill(n);
    expect((await uploadFile(cleo, cleoRoom, file(1), "a.bin")).status).toBe(201);
    expect((await uploadFile(cleo, cleoRoom, file(2), "b.bin")).status).toBe(201);
    const over = await uploadFile(cleo, cleoRoom, file(3), "c.bin");
    expect(over.status).toBe(413);
    expect(over.body.error?.code).toBe("QUOTA_EXCEEDED");
    // Others are unaffected.
    expect((await uploadFile(ben, roomId, file(3), "c.bin")).status).toBe(201);
  });

  it("attachments: only members read a message's files (404 to outsiders and to a kicked member)", async () => {
    const posted = await postFile(ben, roomId, bytesOf("members only"), "secret.txt", "text/plain");
    const url = posted.attachments?.[0]?.url ?? "";
    expect((await fetchAs(ana, url)).status).toBe(200);
    expect((await fetchAs(cleo, url)).status).toBe(404);
    const anonymous = await fetch(server.url + url);
    expect(anonymous.status).toBe(401);
    // The same attachment under another room's URL, or with another name, is not found.
    const otherRoom = (await cleo.createRoom()).id;
    expect((await fetchAs(cleo, url.replace(roomId, otherRoom))).status).toBe(404);
    expect((await fetchAs(ana, url.replace("secret.txt", "other.txt"))).status).toBe(404);

    const dana = await startWithPeopleIn(server);
    await dana.join(roomId);
    expect((await fetchAs(dana, url)).status).toBe(200);
    const kicked = await ana.request("POST", API.kick(roomId, dana.user?.id ?? ""));
    expect(kicked.status).toBe(204);
    expect((await fetchAs(dana, url)).status).toBe(404);
  });

  it("attachments: byte ranges are served (206), a range past the end is 416", async () => {
    const content = bytesOf("0123456789".repeat(100));
    const posted = await postFile(ana, roomId, content, "digits.txt", "text/plain");
    const url = posted.attachments?.[0]?.url ?? "";
    const whole = await fetchAs(ben, url);
    expect(whole.status).toBe(200);
    expect(whole.headers.get("accept-ranges")).toBe("bytes");
    expect(whole.headers.get("content-length")).toBe("1000");
    const part = await fetchAs(ben, url, { range: "bytes=10-19" });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe("bytes 10-19/1000");
    expect(await part.text()).toBe("0123456789");
    const tail = await fetchAs(ben, url, { range: "bytes=-3" });
    expect([tail.status, await tail.text()]).toEqual([206, "789"]);
    const past = await fetchAs(ben, url, { range: "bytes=5000-" });
    expect(past.status).toBe(416);
    expect(past.headers.get("content-range")).toBe("bytes */1000");
    expect(((await past.json()) as ErrorBody).error.code).toBe("RANGE_NOT_SATISFIABLE");
  });

  it("attachments: a video is recognised from its bytes and served inline with ranges", async () => {
    // The start of an MP4 (an ftyp box), then filler: enough for sniffing and ranges.
    const mp4 = Buffer.concat([
      Buffer.from("\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2", "latin1"),
      Buffer.alloc(2000, 7),
    ]);
    const posted = await postFile(ana, roomId, mp4, "clip.mp4", "video/mp4");
    const a = posted.attachments?.[0];
    expect(a).toMatchObject({ kind: "video", mime: "video/mp4", thumbUrl: null });
    const part = await fetchAs(ben, a?.url ?? "", { range: "bytes=0-11" });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-type")).toBe("video/mp4");
    expect(part.headers.get("content-disposition")).toMatch(/^inline;/);
    expect(
      Buffer.from(await part.arrayBuffer())
        .subarray(4, 8)
        .toString(),
    ).toBe("ftyp");
  });

  it("attachments: only the sender's own pending uploads to that room can be attached", async () => {
    const anas = await uploadFile(ana, roomId, bytesOf("ana's"), "a.txt");
    const bens = await send(ben, { attachmentIds: [anas.body.attachment.id] });
    expect(bens.status).toBe(409);
    expect(bens.body.error.code).toBe("ATTACHMENT_UNAVAILABLE");
    // Uploaded to another room.
    const elsewhere = (await ana.createRoom()).id;
    const there = await uploadFile(ana, elsewhere, bytesOf("elsewhere"), "e.txt");
    expect((await send(ana, { attachmentIds: [there.body.attachment.id] })).status).toBe(409);
    // Unknown id.
    expect((await send(ana, { attachmentIds: [crypto.randomUUID()] })).status).toBe(409);
    // Already carried by another message; a retry of that very send gets its original.
    const clientId = crypto.randomUUID();
    const first = await send(ana, { clientId, attachmentIds: [anas.body.attachment.id] });
    expect(first.status).toBe(201);
    const retry = await send(ana, { clientId, attachmentIds: [anas.body.attachment.id] });
    expect(retry.status).toBe(200);
    expect(retry.body.message.attachments?.map((a) => a.id)).toEqual([anas.body.attachment.id]);
    expect((await send(ana, { attachmentIds: [anas.body.attachment.id] })).status).toBe(409);
    // At most ten per message, and none twice.
    const many = Array.from({ length: 11 }, () => crypto.randomUUID());
    expect((await send(ana, { attachmentIds: many })).status).toBe(400);
    const twice = await uploadFile(ana, roomId, bytesOf("twice"), "t.txt");
    const id = twice.body.attachment.id;
    expect((await send(ana, { attachmentIds: [id, id] })).status).toBe(400);
  });

  it("attachments: a message's files keep the order the sender listed them in", async () => {
    const ids: string[] = [];
    for (const name of ["one.txt", "two.txt", "three.txt"]) {
      ids.push((await uploadFile(ana, roomId, bytesOf(name), name)).body.attachment.id);
    }
    const listed = [ids[2], ids[0], ids[1]] as string[];
    const sent = await send(ana, { body: "in order", attachmentIds: listed });
    expect(sent.body.message.attachments?.map((a) => a.id)).toEqual(listed);
    const history = await ben.history(roomId);
    const stored = history.messages.find((m) => m.id === sent.body.message.id);
    expect(stored?.attachments?.map((a) => a.name)).toEqual(["three.txt", "one.txt", "two.txt"]);
  });

  it("attachments: sent over the socket too, and every member receives the files live", async () => {
    const up = await uploadFile(ana, roomId, await solidImage("webp", 80, 40), "live.webp", "image/webp");
    const socket = await ana.connect();
    const listener = await ben.connect();
    await socket.sync([{ roomId, afterSeq: 0 }]);
    await listener.sync([{ roomId, afterSeq: 0 }]);
    const clientId = crypto.randomUUID();
    socket.send({ type: "message.send", roomId, clientId, body: "", attachmentIds: [up.body.attachment.id] });
    const ack = await socket.waitFor(
      (f): f is Extract<ServerFrame, { type: "message.ack" }> =>
        f.type === "message.ack" && f.clientId === clientId,
    );
    expect(ack.message.attachments?.[0]?.id).toBe(up.body.attachment.id);
    const seen = await listener.waitFor(
      (f): f is Extract<ServerFrame, { type: "message.new" }> =>
        f.type === "message.new" && f.message.clientId === clientId,
    );
    expect(seen.message.attachments?.[0]).toMatchObject({ width: 80, height: 40 });
    socket.close();
    listener.close();
  });

  it("attachments: a deleted message's files are no longer served and their blobs are deleted", async () => {
    const shared = bytesOf("shared bytes");
    const kept = await postFile(ben, roomId, shared, "kept.txt");
    const doomed = await postFile(ana, roomId, shared, "doomed.txt");
    const only = await postFile(ana, roomId, await solidImage("png", 30, 30, "#ff0000"), "only.png");
    for (const m of [doomed, only]) {
      const res = await ana.request("DELETE", API.message(roomId, m.id));
      expect(res.status).toBe(200);
    }
    const [doomedFile] = doomed.attachments ?? [];
    const [onlyFile] = only.attachments ?? [];
    expect((await fetchAs(ben, doomedFile?.url ?? "")).status).toBe(404);
    expect((await fetchAs(ben, onlyFile?.url ?? "")).status).toBe(404);
    expect((await fetchAs(ben, onlyFile?.thumbUrl ?? "")).status).toBe(404);
    const history = await ben.history(roomId);
    expect(history.messages.find((m) => m.id === only.id)?.attachments).toEqual([]);

    await server.app.ctx.jobs.drain();
    const hashes = await server.app.ctx.db.selectFrom("attachments").select("sha256").execute();
    // The bytes Ben's message still uses stay; the image (and its thumbnail) are gone.
    expect((await fetchAs(ben, kept.attachments?.[0]?.url ?? "")).status).toBe(200);
    const onDisk = (hash: string) => existsSync(blobPath(mediaRoot(), "attachments", hash));
    expect(hashes.every((h) => onDisk(h.sha256))).toBe(true);
    const files = readdirSync(join(mediaRoot(), "attachments"), { recursive: true }).filter((f) =>
      /[0-9a-f]{64}$/.test(String(f)),
    );
    expect(files.length).toBe(
      new Set(
        (
          await server.app.ctx.db.selectFrom("attachments").select(["sha256", "thumb_sha256"]).execute()
        ).flatMap((r) => [r.sha256, r.thumb_sha256].filter(Boolean)),
      ).size,
    );
  });

  it("attachments: a pending upload no message took is deleted after a day", async () => {
    const up = await uploadFile(
      ben,
      roomId,
      await solidImage("gif", 12, 12, "#00ff00"),
      "forgotten.gif",
      "image/gif",
    );
    const id = up.body.attachment.id;
    const db = server.app.ctx.db;
    const row = await db.selectFrom("attachments").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    // Not yet due.
    await server.app.ctx.jobs.drain();
    expect(
      await db.selectFrom("attachments").select("id").where("id", "=", id).executeTakeFirst(),
    ).toBeDefined();
    // A day later (the job's due time moved back instead of the clock forward).
    await db
      .updateTable("jobs")
      .set({ run_after: new Date(Date.now() - 1000).toISOString() })
      .where("dedupe_key", "=", id)
      .execute();
    await server.app.ctx.jobs.drain();
    expect(
      await db.selectFrom("attachments").select("id").where("id", "=", id).executeTakeFirst(),
    ).toBeUndefined();
    expect(existsSync(blobPath(mediaRoot(), "attachments", row.sha256))).toBe(false);
    expect(existsSync(blobPath(mediaRoot(), "attachments", row.thumb_sha256 ?? ""))).toBe(false);
    // Too late to send now.
    expect((await send(ben, { attachmentIds: [id] })).status).toBe(409);
  });
});

/** One more person on the same server. */
async function startWithPeopleIn(server: TestServer): Promise<TestClient> {
  const { TestClient } = await import("../../testing/test-client");
  const person = new TestClient(server.url);
  await person.signUp(`Dana-${crypto.randomUUID().slice(0, 6)}`);
  return person;
}
