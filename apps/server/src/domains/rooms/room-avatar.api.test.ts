import {
  API,
  type AuditEntry,
  CSRF_HEADER,
  CSRF_HEADER_VALUE,
  type ErrorBody,
  type Room,
} from "@parley/protocol";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isFrame, type TestClient } from "../../testing/test-client";
import { DB_KINDS, startWithPeople, type TestServer } from "../../testing/test-server";
import { solidImage } from "../profiles/test-images";

/** The web app's upload: the file's bytes as the body. */
async function upload(client: TestClient, roomId: string, bytes: Uint8Array, contentType = "image/png") {
  const res = await fetch(client.baseUrl + API.roomAvatar(roomId), {
    method: "PUT",
    headers: {
      "content-type": contentType,
      [CSRF_HEADER]: CSRF_HEADER_VALUE,
      ...(client.cookie ? { cookie: client.cookie } : {}),
    },
    body: bytes,
  });
  return { status: res.status, body: (await res.json()) as { room: Room } & ErrorBody };
}

async function fetchImage(client: TestClient, url: string) {
  const res = await fetch(client.baseUrl + url, { headers: client.cookie ? { cookie: client.cookie } : {} });
  return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()) };
}

describe.each(DB_KINDS)("room pictures (%s)", (kind) => {
  let server: TestServer;
  let owner: TestClient;
  let ben: TestClient;
  let cleo: TestClient;
  beforeAll(async () => {
    ({
      server,
      people: [owner, ben, cleo],
    } = await startWithPeople(kind, ["owner", "ben", "cleo"]));
  });
  afterAll(() => server?.close());

  it("rooms: an admin gives a channel a picture; members see it live; it is logged", async () => {
    const room = await owner.createRoom("with a face");
    expect(room).toMatchObject({ avatarUrl: null, avatarThumbUrl: null });
    await ben.join(room.id);
    const b = await ben.connect();
    await b.sync([{ roomId: room.id, afterSeq: 0 }]);

    const res = await upload(owner, room.id, await solidImage("jpeg", 300, 200, "#e0457b"));
    expect(res.status).toBe(200);
    expect(res.body.room.avatarUrl).toMatch(/^\/api\/media\/avatars\/[0-9a-f]{64}\.webp$/);
    expect(res.body.room.avatarThumbUrl).toMatch(/^\/api\/media\/avatars\/[0-9a-f]{64}\.webp$/);
    const frame = await b.waitFor(isFrame("room.updated"));
    expect(frame.changes).toEqual({
      avatarUrl: res.body.room.avatarUrl,
      avatarThumbUrl: res.body.room.avatarThumbUrl,
    });
    // Cropped to a square, served to a member; the room list carries it too.
    const image = await fetchImage(ben, res.body.room.avatarUrl ?? "");
    expect(image.status).toBe(200);
    const meta = await sharp(image.bytes).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["webp", 256, 256]);
    const mine = await ben.request<{ rooms: Room[] }>("GET", API.myRooms);
    expect(mine.body.rooms.find((r) => r.id === room.id)?.avatarThumbUrl).toBe(res.body.room.avatarThumbUrl);
    const audit = await owner.request<{ entries: AuditEntry[] }>("GET", API.audit(room.id));
    expect(audit.body.entries[0]).toMatchObject({ action: "room.updated", details: { avatar: "changed" } });
    b.close();
  });

  it("rooms: removing the picture brings back the # and deletes the unused image", async () => {
    const room = await owner.createRoom("short-lived face");
    const set = await upload(owner, room.id, await solidImage("png", 64, 64, "#45e07b"));
    const url = set.body.room.avatarUrl ?? "";
    const removed = await owner.request<{ room: Room }>("DELETE", API.roomAvatar(room.id));
    expect(removed.status).toBe(200);
    expect(removed.body.room).toMatchObject({ avatarUrl: null, avatarThumbUrl: null });
    expect((await fetchImage(owner, url)).status).toBe(404);
    // Removing again changes nothing and logs nothing more.
    const before = await owner.request<{ entries: AuditEntry[] }>("GET", API.audit(room.id));
    expect((await owner.request("DELETE", API.roomAvatar(room.id))).status).toBe(200);
    const after = await owner.request<{ entries: AuditEntry[] }>("GET", API.audit(room.id));
    expect(after.body.entries).toHaveLength(before.body.entries.length);
  });

  it("rooms: an image still shown by a person is kept when the channel drops it", async () => {
    const room = await owner.createRoom("shared face");
    const bytes = await solidImage("png", 80, 80, "#7b45e0");
    const person = await fetch(owner.baseUrl + API.myAvatar, {
      method: "PUT",
      headers: { "content-type": "image/png", [CSRF_HEADER]: CSRF_HEADER_VALUE, cookie: owner.cookie ?? "" },
      body: bytes,
    });
    expect(person.status).toBe(200);
    const set = await upload(owner, room.id, bytes);
    await owner.request("DELETE", API.roomAvatar(room.id));
    // The same bytes make the same file: the owner's own avatar still needs it.
    expect((await fetchImage(owner, set.body.room.avatarUrl ?? "")).status).toBe(200);
  });

  it("rooms: a member may not change the picture; an outsider of a private room gets 404; bad files are refused", async () => {
    const room = await owner.createRoom("guarded");
    await ben.join(room.id);
    const png = await solidImage("png");
    expect((await upload(ben, room.id, png)).status).toBe(403);
    expect((await ben.request("DELETE", API.roomAvatar(room.id))).status).toBe(403);
    const hidden = await owner.request<{ room: Room }>("POST", API.rooms, {
      name: "hidden",
      visibility: "private",
    });
    expect((await upload(cleo, hidden.body.room.id, png)).status).toBe(404);

    const notImage = await upload(owner, room.id, new TextEncoder().encode("not a picture"), "image/png");
    expect(notImage.status).toBe(415);
    const empty = await upload(owner, room.id, new Uint8Array(0));
    expect([empty.status, empty.body.error.code]).toEqual([400, "VALIDATION_FAILED"]);
    const unchanged = await owner.request<{ room: Room }>("GET", API.room(room.id));
    expect(unchanged.body.room.avatarUrl).toBeNull();
  });
});
