import {
  type AdminPushDevicesResponse,
  API,
  mentionText,
  type PushDevice,
  type PushDevicesResponse,
  type PushPayload,
  type Room,
} from "@parley/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestClient } from "../../testing/test-client";
import {
  startTestPushService,
  TEST_PUSH_CA,
  type TestPushService,
  type TestSubscription,
} from "../../testing/test-push-service";
import { DB_KINDS, seedPerson, startTestServer, type TestServer } from "../../testing/test-server";
import { sweepReadRooms, sweepRoomsSetToAll } from "./sweep-pushes";

const CHROME_ANDROID =
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";

describe.each(DB_KINDS)("push (%s)", (kind) => {
  let server: TestServer;
  let service: TestPushService;
  beforeAll(async () => {
    service = await startTestPushService();
    server = await startTestServer(kind, {
      push: {
        subject: "mailto:ops@example.org",
        staleAfterMs: 3_600_000,
        // The sweep of rooms set to "all" is driven by hand (sweep()) in these tests.
        sweepMs: 3_600_000,
        allowLoopback: true,
        trustedCa: TEST_PUSH_CA,
      },
    });
  });
  afterAll(async () => {
    await server?.close();
    await service?.close();
  });

  /**
   * Lets every due job run — ours, and those the running worker claimed meanwhile — so "nothing
   * was pushed" is a fact, not a race. (Jobs waiting for a retry later are not due.)
   */
  const settle = async () => {
    for (;;) {
      await server.app.ctx.jobs.drain();
      const busy = await server.app.ctx.db
        .selectFrom("jobs")
        .select("id")
        .where((eb) =>
          eb.or([
            eb("status", "=", "running"),
            eb.and([eb("status", "=", "pending"), eb("run_after", "<=", new Date().toISOString())]),
          ]),
        )
        .limit(1)
        .execute();
      if (busy.length === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  const sweep = async () => {
    await sweepRoomsSetToAll(server.app.ctx);
    await sweepReadRooms(server.app.ctx);
    await settle();
  };
  const pushesTo = (sub: TestSubscription) =>
    service.received.filter((p) => p.subscriptionId === sub.id).map((p) => p.payload as PushPayload);

  async function subscribe(person: TestClient, ua = CHROME_ANDROID) {
    const sub = service.subscribe();
    const res = await person.request<{ device: PushDevice }>(
      "POST",
      API.pushDevices,
      { endpoint: sub.endpoint, keys: sub.keys, expirationTime: null },
      { "user-agent": ua },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return { sub, device: res.body.device };
  }
  const devices = async (person: TestClient) =>
    (await person.request<PushDevicesResponse>("GET", API.pushDevices)).body.devices;

  async function channel() {
    const [owner, ana, ben] = await Promise.all(["Olga", "Ana", "Ben"].map((n) => seedPerson(server, n)));
    const room = await (owner as TestClient).createRoom();
    await (ana as TestClient).join(room.id);
    await (ben as TestClient).join(room.id);
    return { owner: owner as TestClient, ana: ana as TestClient, ben: ben as TestClient, room };
  }

  it("push: a device subscribes, is listed with a name from its browser, and is removed", async () => {
    const ana = await seedPerson(server, "Ana");
    const key = await ana.request<{ publicKey: string }>("GET", API.pushKey);
    expect(key.body.publicKey).toMatch(/^[A-Za-z0-9_-]{87}$/);
    const { device } = await subscribe(ana);
    expect(device).toMatchObject({
      label: "Chrome on Android",
      lastSentAt: null,
      lastConfirmedAt: null,
      stale: false,
      failures: 0,
    });
    expect((await devices(ana)).map((d) => d.id)).toEqual([device.id]);

    // Someone else can neither see nor remove it.
    const ben = await seedPerson(server, "Ben");
    expect(await devices(ben)).toEqual([]);
    const foreign = await ben.request("DELETE", API.pushDevice(device.id));
    expect(foreign.status).toBe(404);
    expect(foreign.body).toMatchObject({ error: { code: "PUSH_DEVICE_NOT_FOUND" } });

    expect((await ana.request("DELETE", API.pushDevice(device.id))).status).toBe(204);
    expect(await devices(ana)).toEqual([]);
    expect((await ana.request("DELETE", API.pushDevice(device.id))).status).toBe(404);
  });

  it("push: the same browser subscribing again (another account on it) takes its subscription over", async () => {
    const [ana, ben] = await Promise.all([seedPerson(server, "Ana"), seedPerson(server, "Ben")]);
    const { sub } = await subscribe(ana);
    const again = await ben.request("POST", API.pushDevices, { endpoint: sub.endpoint, keys: sub.keys });
    expect(again.status).toBe(201);
    expect(await devices(ana)).toEqual([]);
    expect(await devices(ben)).toHaveLength(1);
  });

  it("push: bad subscriptions are refused with a clear error", async () => {
    const ana = await seedPerson(server, "Ana");
    const sub = service.subscribe();
    const cases: Array<[unknown, number, string]> = [
      [{}, 400, "VALIDATION_FAILED"],
      [{ endpoint: "not a url", keys: sub.keys }, 400, "VALIDATION_FAILED"],
      [{ endpoint: sub.endpoint, keys: { p256dh: "short", auth: sub.keys.auth } }, 400, "VALIDATION_FAILED"],
      [{ endpoint: sub.endpoint.replace("https:", "http:"), keys: sub.keys }, 400, "PUSH_ENDPOINT_REJECTED"],
      [{ endpoint: "https://10.0.0.8/push/x", keys: sub.keys }, 400, "PUSH_ENDPOINT_REJECTED"],
    ];
    for (const [body, status, code] of cases) {
      const res = await ana.request("POST", API.pushDevices, body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.body, JSON.stringify(body)).toMatchObject({ error: { code } });
    }
    expect((await ana.request("PUT", API.pushSettings, { previews: "yes" })).status).toBe(400);
    expect((await ana.request("POST", API.pushTest, { deviceId: "nope" })).status).toBe(400);
  });

  it("push: a direct message is pushed, encrypted to the device's keys and signed with the server's VAPID key", async () => {
    const [ana, ben] = await Promise.all([seedPerson(server, "Ana"), seedPerson(server, "Ben")]);
    const { sub } = await subscribe(ben);
    const res = await ana.request<{ room: Room }>("POST", API.conversations, { userIds: [ben.user?.id] });
    const message = await ana.send(res.body.room.id, `hi ${mentionText("Ben")}, lunch?`);
    const push = await service.waitFor((p) => p.subscriptionId === sub.id);
    const key = await ben.request<{ publicKey: string }>("GET", API.pushKey);
    expect(push.vapidKey).toBe(key.body.publicKey);
    expect(push.claims).toMatchObject({ aud: service.url, sub: "mailto:ops@example.org" });
    expect(push.ttl).toBeGreaterThan(0);
    expect(push.urgency).toBe("high");
    expect(push.topic).toMatch(/^[A-Za-z0-9_-]{1,32}$/);
    expect(push.payload).toMatchObject({
      type: "message",
      tag: `parley-room-${message.roomId}`,
      roomId: message.roomId,
      messageId: message.id,
      seq: message.seq,
      title: "Ana",
      body: "hi @Ben, lunch?",
      count: 1,
      url: `/rooms/${message.roomId}?seq=${message.seq}`,
      receipt: { subscriptionId: expect.any(String), url: API.pushReceipts },
    });
    const [device] = await devices(ben);
    expect(device?.lastSentAt).not.toBeNull();
    expect(device?.lastConfirmedAt).toBeNull();
  });

  it("push: mentions in a channel are pushed, collapsed per room with the count; other messages are not", async () => {
    const { ana, ben, room } = await channel();
    const { sub } = await subscribe(ben);
    await ana.send(room.id, "no mention here");
    await ana.send(room.id, `${mentionText("Ben")} first`);
    // (One after the other: two pushes of a room racing each other may come in either order, and
    // the older one is then skipped — what the device shows is the newer.)
    await service.waitFor((p) => p.subscriptionId === sub.id);
    await ana.send(room.id, `${mentionText("Ben")} second`);
    await settle();
    const pushes = pushesTo(sub);
    expect(pushes.map((p) => p.type === "message" && p.body)).toEqual([
      "Ana: @Ben first",
      "Ana: @Ben second",
    ]);
    expect(pushes.map((p) => p.type === "message" && [p.count, p.title])).toEqual([
      [1, `#${room.name}`],
      [2, `#${room.name} · 2 new messages`],
    ]);
    expect(new Set(pushes.map((p) => p.tag))).toEqual(new Set([`parley-room-${room.id}`]));
  });

  it("push: a message already read on another device is not pushed; reading closes the notification", async () => {
    const { ana, ben, room } = await channel();
    const { sub } = await subscribe(ben);
    await server.app.ctx.jobs.stop();
    try {
      const first = await ana.send(room.id, `${mentionText("Ben")} read on the laptop`);
      await ben.request("POST", API.markRead(room.id), { seq: first.seq });
      await settle();
      expect(pushesTo(sub)).toEqual([]);

      const second = await ana.send(room.id, `${mentionText("Ben")} unread`);
      await settle();
      expect(pushesTo(sub).map((p) => p.type)).toEqual(["message"]);
      await sweep();
      expect(pushesTo(sub)).toHaveLength(1); // not read yet: nothing to close

      await ben.request("POST", API.markRead(room.id), { seq: second.seq });
      await sweep();
      expect(pushesTo(sub).at(-1)).toMatchObject({ type: "read", tag: `parley-room-${room.id}` });
      await sweep();
      expect(pushesTo(sub)).toHaveLength(2); // closed once
    } finally {
      server.app.ctx.jobs.start();
    }
  });

  it("push: a muted room pushes only mentions by name", async () => {
    const { owner, ana, ben, room } = await channel();
    const { sub } = await subscribe(ben);
    await ben.request("PUT", API.notifyLevel(room.id), { level: "mute" });
    await owner.send(room.id, "@room everyone");
    await settle();
    expect(pushesTo(sub)).toEqual([]);
    await ana.send(room.id, `${mentionText("Ben")} you`);
    await settle();
    expect(pushesTo(sub).map((p) => p.type === "message" && p.body)).toEqual(["Ana: @Ben you"]);
  });

  it("push: a channel set to all pushes every message of others, from when it was set, collapsed", async () => {
    const { ana, ben, room } = await channel();
    await ana.send(room.id, "history, before anything was set");
    const { sub } = await subscribe(ben);
    await ben.request("PUT", API.notifyLevel(room.id), { level: "all" });
    await sweep(); // the pair is seen for the first time: the history is not pushed
    expect(pushesTo(sub)).toEqual([]);

    await ben.send(room.id, "my own message");
    await sweep();
    expect(pushesTo(sub)).toEqual([]);
    const one = await ana.send(room.id, "one");
    const two = await ana.send(room.id, "two");
    await sweep();
    expect(pushesTo(sub)).toEqual([
      expect.objectContaining({ type: "message", messageId: two.id, count: 3, body: "Ana: two" }),
    ]);
    // A mention there is pushed once, by the notification job or the sweep, whichever comes first.
    const mention = await ana.send(room.id, `${mentionText("Ben")} three`);
    await settle();
    await sweep();
    expect(pushesTo(sub).filter((p) => p.type === "message" && p.messageId === mention.id)).toHaveLength(1);
    expect(one.seq).toBeLessThan(two.seq);
  });

  it("push: previews off: the notification says who and where, never the text", async () => {
    const { ana, ben, room } = await channel();
    const { sub } = await subscribe(ben);
    expect((await ben.request("GET", API.pushSettings)).body).toEqual({ previews: true });
    expect((await ben.request("PUT", API.pushSettings, { previews: false })).body).toEqual({
      previews: false,
    });
    expect((await ben.request("GET", API.pushSettings)).body).toEqual({ previews: false });
    await ana.send(room.id, `${mentionText("Ben")} the secret plan`);
    const push = await service.waitFor((p) => p.subscriptionId === sub.id);
    expect(push.payload).toMatchObject({ title: `#${room.name}`, body: "Ana: mentioned you" });
    expect(JSON.stringify(push.payload)).not.toContain("secret");
  });

  it("push: a subscription the push service says is gone (410, 404) is dropped", async () => {
    const [ana, ben] = await Promise.all([seedPerson(server, "Ana"), seedPerson(server, "Ben")]);
    const gone = await subscribe(ben);
    const missing = await subscribe(ben);
    const kept = await subscribe(ben);
    service.answer(gone.sub.id, 410);
    service.answer(missing.sub.id, 404);
    const dm = await ana.request<{ room: Room }>("POST", API.conversations, { userIds: [ben.user?.id] });
    await ana.send(dm.body.room.id, "anyone there?");
    await service.waitFor((p) => p.subscriptionId === kept.sub.id);
    await settle();
    expect((await devices(ben)).map((d) => d.id)).toEqual([kept.device.id]);
  });

  it("push: a push service that fails is retried with backoff, and the device counts its failures", async () => {
    const [ana, ben] = await Promise.all([seedPerson(server, "Ana"), seedPerson(server, "Ben")]);
    const { sub } = await subscribe(ben);
    service.answer(sub.id, 503);
    const dm = await ana.request<{ room: Room }>("POST", API.conversations, { userIds: [ben.user?.id] });
    await ana.send(dm.body.room.id, "are you there?");
    await expect.poll(async () => (await devices(ben))[0]?.failures, { timeout: 5_000 }).toBe(1);
    const [device] = await devices(ben);
    expect(device?.lastError).toMatch(/503/);
    const job = await server.app.ctx.db
      .selectFrom("jobs")
      .select(["status", "attempts", "run_after"])
      .where("kind", "=", "push.deliver")
      .where("payload", "like", `%${device?.id}%`)
      .executeTakeFirstOrThrow();
    expect(job.status).toBe("pending");
    expect(Date.parse(job.run_after)).toBeGreaterThan(Date.now());
  });

  it("push: a test notification comes back as a receipt, which confirms the device", async () => {
    const ana = await seedPerson(server, "Ana");
    const phone = await subscribe(ana);
    const laptop = await subscribe(
      ana,
      "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
    );
    const test = await ana.request<{ sentTo: number; sentAt: string }>("POST", API.pushTest, {});
    expect(test.body.sentTo).toBe(2);
    const push = await service.waitFor((p) => p.subscriptionId === phone.sub.id);
    const payload = push.payload as Extract<PushPayload, { type: "test" }>;
    expect(payload).toMatchObject({ type: "test", url: "/settings/notifications" });
    let [, phoneRow] = (await devices(ana)).sort((a, b) =>
      a.id === phone.device.id ? 1 : b.id === phone.device.id ? -1 : 0,
    );
    expect(phoneRow).toMatchObject({ testSentAt: test.body.sentAt, testConfirmedAt: null });

    // A wrong token, or another subscription's, confirms nothing.
    const wrong = await ana.request("POST", API.pushReceipts, {
      ...payload.receipt,
      token: "x".repeat(32),
      type: "test",
    });
    expect(wrong.status).toBe(404);
    expect(wrong.body).toMatchObject({ error: { code: "PUSH_DEVICE_NOT_FOUND" } });
    // The receipt needs no session: the token is the proof.
    const anonymous = await fetch(server.url + API.pushReceipts, {
      method: "POST",
      headers: { "content-type": "application/json", "x-parley-csrf": "1", origin: server.url },
      body: JSON.stringify({
        subscriptionId: payload.receipt.subscriptionId,
        token: payload.receipt.token,
        type: "test",
      }),
    });
    expect(anonymous.status).toBe(204);
    phoneRow = (await devices(ana)).find((d) => d.id === phone.device.id);
    expect(phoneRow?.testConfirmedAt).not.toBeNull();
    expect(phoneRow?.lastConfirmedAt).not.toBeNull();
    expect((await devices(ana)).find((d) => d.id === laptop.device.id)?.label).toBe("Firefox on Linux");

    // One device only; someone else's is not found.
    expect((await ana.request("POST", API.pushTest, { deviceId: laptop.device.id })).body).toMatchObject({
      sentTo: 1,
    });
    const ben = await seedPerson(server, "Ben");
    expect((await ben.request("POST", API.pushTest, { deviceId: laptop.device.id })).status).toBe(404);
  });

  it("push: a device whose pushes go unconfirmed for long is flagged, for its owner and the administrator", async () => {
    const ana = await seedPerson(server, "Ana");
    const { sub, device } = await subscribe(ana);
    await ana.request("POST", API.pushTest, { deviceId: device.id });
    await service.waitFor((p) => p.subscriptionId === sub.id && (p.payload as PushPayload).type === "test");
    await settle();
    expect((await devices(ana))[0]?.stale).toBe(false);
    // Two hours pass without a receipt (the threshold here is one hour).
    await server.app.ctx.db
      .updateTable("push_subscriptions")
      .set({ unconfirmed_since: new Date(Date.now() - 2 * 3_600_000).toISOString() })
      .where("id", "=", device.id)
      .execute();
    expect((await devices(ana))[0]?.stale).toBe(true);

    await server.app.ctx.db
      .updateTable("users")
      .set({ is_admin: 1 })
      .where("id", "=", ana.user?.id ?? "")
      .execute();
    const admin = await ana.request<AdminPushDevicesResponse>("GET", API.adminPushDevices);
    expect(admin.body.devices.find((d) => d.id === device.id)).toMatchObject({
      stale: true,
      user: { id: ana.user?.id, displayName: "Ana" },
    });
    const ben = await seedPerson(server, "Ben");
    expect((await ben.request("GET", API.adminPushDevices)).status).toBe(403);
  });
});
