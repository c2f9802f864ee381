import { randomUUID } from "node:crypto";
import {
  API,
  AVATAR_MAX_BYTES,
  CSRF_HEADER,
  CSRF_HEADER_VALUE,
  type ErrorBody,
  type Profile,
  type ProfileResponse,
  type ProfilesResponse,
  type User,
} from "@parley/protocol";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isFrame, type TestClient } from "../../testing/test-client";
import { DB_KINDS, startWithPeople, type TestServer } from "../../testing/test-server";
import { jpegWithExif, pixelFloodPng, solidImage } from "./test-images";

/** The web app's upload: the file's bytes as the body, with the type the browser guessed. */
async function upload(client: TestClient, bytes: Uint8Array, contentType = "image/png") {
  const res = await fetch(client.baseUrl + API.myAvatar, {
    method: "PUT",
    headers: {
      "content-type": contentType,
      [CSRF_HEADER]: CSRF_HEADER_VALUE,
      ...(client.cookie ? { cookie: client.cookie } : {}),
    },
    body: bytes,
  });
  return { status: res.status, body: (await res.json()) as ProfileResponse & ErrorBody };
}

async function fetchImage(client: TestClient, url: string) {
  const res = await fetch(client.baseUrl + url, { headers: client.cookie ? { cookie: client.cookie } : {} });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

describe.each(DB_KINDS)("profiles (%s)", (kind) => {
  let server: TestServer;
  let ana: TestClient;
  let ben: TestClient;
  let cleo: TestClient;
  beforeAll(async () => {
    ({
      server,
      people: [ana, ben, cleo],
    } = await startWithPeople(kind, ["Ana", "Ben", "Cleo"]));
  });
  afterAll(() => server?.close());

  const id = (client: TestClient) => client.user?.id ?? "";

  it("profiles: a PNG, a JPEG and a WebP are each stored as a 256 px webp square (and 64 px), EXIF gone", async () => {
    const inputs = [
      ["image/png", await solidImage("png", 300, 200)],
      ["image/jpeg", await jpegWithExif()],
      ["image/webp", await solidImage("webp", 120, 120, "#00aa55")],
    ] as const;
    for (const [type, bytes] of inputs) {
      const res = await upload(ana, bytes, type);
      expect(res.status, type).toBe(200);
      const { profile } = res.body;
      expect(profile.avatarUrl).toMatch(/^\/api\/media\/avatars\/[0-9a-f]{64}\.webp$/);
      expect(profile.avatarThumbUrl).toMatch(/^\/api\/media\/avatars\/[0-9a-f]{64}\.webp$/);

      // Another signed-in person loads it, as the message list does.
      const image = await fetchImage(ben, profile.avatarUrl ?? "");
      expect(image.status).toBe(200);
      expect(image.headers.get("content-type")).toBe("image/webp");
      expect(image.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      expect(image.headers.get("x-content-type-options")).toBe("nosniff");
      const meta = await sharp(image.bytes).metadata();
      expect([meta.format, meta.width, meta.height, meta.exif], type).toEqual(["webp", 256, 256, undefined]);
      expect(image.bytes.includes("SecretCam")).toBe(false);

      const thumb = await sharp((await fetchImage(ben, profile.avatarThumbUrl ?? "")).bytes).metadata();
      expect([thumb.format, thumb.width, thumb.height]).toEqual(["webp", 64, 64]);
    }
  });

  it("profiles: the type comes from the bytes — a text file called .png is refused, a mislabelled image accepted", async () => {
    const text = await upload(ana, new TextEncoder().encode("not an image at all\n"), "image/png");
    expect(text.status).toBe(415);
    expect(text.body.error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    const svg = await upload(
      ana,
      new TextEncoder().encode("<svg xmlns='http://www.w3.org/2000/svg'/>"),
      "image/svg+xml",
    );
    expect(svg.body.error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    const json = await upload(ana, new TextEncoder().encode('{"avatar":1}'), "application/json");
    expect(json.body.error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    const mislabelled = await upload(ana, await solidImage("gif"), "application/octet-stream");
    expect(mislabelled.status).toBe(200);
    const empty = await upload(ana, new Uint8Array(), "image/png");
    expect([empty.status, empty.body.error.code]).toEqual([400, "VALIDATION_FAILED"]);
  });

  it("profiles: a file over 5 MB is refused with 413; the avatar stays as it was", async () => {
    const before = (await upload(ana, await solidImage("png"))).body.profile;
    const big = Buffer.alloc(AVATAR_MAX_BYTES + 1);
    (await solidImage("png")).copy(big);
    const res = await upload(ana, big);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe("IMAGE_TOO_LARGE");
    const [now] = await profilesOf(ben, [id(ana)]);
    expect(now?.avatarUrl).toBe(before.avatarUrl);
  });

  it("profiles: a pixel flood (a small PNG declaring 20000 × 20000) is refused before decoding", async () => {
    const flood = await pixelFloodPng(20_000, 20_000);
    expect(flood.length).toBeLessThan(1024);
    const res = await upload(ana, flood);
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ code: "IMAGE_TOO_LARGE" });
    expect(res.body.error.message).toContain("20000 × 20000");
    const damaged = await upload(ana, (await solidImage("png", 64, 64)).subarray(0, 60));
    expect([damaged.status, damaged.body.error.code]).toEqual([400, "IMAGE_UNREADABLE"]);
  });

  it("profiles: without a session the upload is refused before its body is read", async () => {
    const anonymous = { baseUrl: server.url, cookie: undefined } as TestClient;
    const res = await upload(anonymous, Buffer.alloc(AVATAR_MAX_BYTES + 1));
    expect([res.status, res.body.error.code]).toEqual([401, "UNAUTHENTICATED"]);
  });

  it("profiles: display name and status text change; bad input gets a clear 400", async () => {
    const res = await ana.request<ProfileResponse>("PATCH", API.myProfile, {
      displayName: "  Ana Lima ",
      statusText: "On holiday\n until   Monday ",
    });
    expect(res.status).toBe(200);
    expect(res.body.profile).toMatchObject({
      id: id(ana),
      displayName: "Ana Lima",
      statusText: "On holiday until Monday",
    });
    const me = await ana.request<{ user: User }>("GET", API.me);
    expect(me.body.user.displayName).toBe("Ana Lima");

    const refused = async (body: unknown) => {
      const r = await ana.request<ErrorBody>("PATCH", API.myProfile, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error.code).toBe("VALIDATION_FAILED");
      return r.body.error.message;
    };
    expect(await refused({})).toContain("Nothing to change");
    expect(await refused({ displayName: "   " })).toContain("Display name is required");
    expect(await refused({ statusText: "x".repeat(101) })).toContain("At most 100 characters");
    expect(await refused({ statusText: 42 })).toContain("statusText");

    // 100 is allowed; "" clears it.
    expect((await ana.request("PATCH", API.myProfile, { statusText: "y".repeat(100) })).status).toBe(200);
    const cleared = await ana.request<ProfileResponse>("PATCH", API.myProfile, { statusText: "" });
    expect(cleared.body.profile.statusText).toBe("");
  });

  it("profiles: fetched in batches by id; unknown ids are left out, bad lists refused", async () => {
    const profiles = await profilesOf(cleo, [id(ana), id(ben), randomUUID(), id(ana)]);
    expect(profiles.map((p) => p.id).sort()).toEqual([id(ana), id(ben)].sort());
    expect(profiles.find((p) => p.id === id(ben))).toEqual({
      id: id(ben),
      displayName: "Ben",
      statusText: "",
      avatarUrl: null,
      avatarThumbUrl: null,
    });
    for (const query of [
      "",
      "?ids=",
      "?ids=not-a-uuid",
      `?ids=${Array.from({ length: 101 }, randomUUID).join(",")}`,
    ]) {
      const res = await cleo.request<ErrorBody>("GET", `${API.profiles}${query}`);
      expect(res.status, query.slice(0, 20)).toBe(400);
      expect(res.body.error.code).toBe("VALIDATION_FAILED");
    }
    expect(
      (await cleo.request("GET", `${API.profiles}?ids=${Array.from({ length: 100 }, randomUUID).join(",")}`))
        .status,
    ).toBe(200);
  });

  it("profiles: a change reaches the person's own devices and their room-mates once each, not strangers", async () => {
    const first = await ana.createRoom();
    const second = await ana.createRoom();
    await ben.join(first.id);
    await ben.join(second.id);
    const [anaSocket, benSocket, cleoSocket] = await Promise.all([
      ana.connect(),
      ben.connect(),
      cleo.connect(),
    ]);
    for (const s of [anaSocket, benSocket, cleoSocket]) await s.waitFor(isFrame("ready"));

    await ana.request("PATCH", API.myProfile, { statusText: "Live now" });
    for (const socket of [anaSocket, benSocket]) {
      const frame = await socket.waitFor(isFrame("profile.updated"));
      expect(frame.profile).toMatchObject({ id: id(ana), statusText: "Live now" });
    }
    const avatar = await upload(ana, await solidImage("png", 50, 50, "#123456"));
    const newUrl = avatar.body.profile.avatarUrl;
    expect(newUrl).not.toBeNull();
    const withAvatar = await benSocket.waitFor(
      (f): f is Extract<typeof f, { type: "profile.updated" }> =>
        f.type === "profile.updated" && f.profile.avatarUrl === newUrl,
    );
    expect(withAvatar.profile).toMatchObject({ id: id(ana), statusText: "Live now" });
    // Ben shares two rooms with Ana, and hears each change once.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(benSocket.frames.filter((f) => f.type === "profile.updated")).toHaveLength(2);
    expect(cleoSocket.frames.some((f) => f.type === "profile.updated")).toBe(false);
    for (const s of [anaSocket, benSocket, cleoSocket]) s.close();
  });

  it("profiles: removing or replacing an avatar deletes its images unless someone else uses the same ones", async () => {
    const shared = await solidImage("png", 30, 30, "#abcdef");
    const anaAvatar = (await upload(ana, shared)).body.profile;
    const benAvatar = (await upload(ben, shared)).body.profile;
    expect(benAvatar.avatarUrl).toBe(anaAvatar.avatarUrl);

    const removed = await ana.request<ProfileResponse>("DELETE", API.myAvatar);
    expect(removed.status).toBe(200);
    expect(removed.body.profile).toMatchObject({ avatarUrl: null, avatarThumbUrl: null });
    // Ben still shows it.
    expect((await fetchImage(cleo, benAvatar.avatarUrl ?? "")).status).toBe(200);

    // Ben replaces it: now nobody uses the old images, and they are gone.
    await upload(ben, await solidImage("jpeg", 30, 30, "#fedcba"));
    expect((await fetchImage(cleo, benAvatar.avatarUrl ?? "")).status).toBe(404);
    expect((await fetchImage(cleo, benAvatar.avatarThumbUrl ?? "")).status).toBe(404);

    // Removing again is harmless.
    expect((await ana.request("DELETE", API.myAvatar)).status).toBe(200);
  });

  it("profiles: avatar file names other than `<sha256>.webp` are not found", async () => {
    for (const file of [
      "..%2F..%2Fdb.sqlite",
      "abc.webp",
      `${"a".repeat(64)}.png`,
      `${"a".repeat(64)}.webp`,
    ]) {
      const res = await fetchImage(cleo, API.avatarFile(file));
      expect(res.status, file).toBe(404);
    }
  });
});

async function profilesOf(client: TestClient, ids: string[]): Promise<Profile[]> {
  const res = await client.request<ProfilesResponse>("GET", `${API.profiles}?ids=${ids.join(",")}`);
  expect(res.status).toBe(200);
  return res.body.profiles;
}
