import { API, type ReadReceiptsResponse, type Room, type ServerFrame } from "@parley/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isFrame, type TestClient } from "../../testing/test-client";
import { DB_KINDS, seedPerson, startTestServer, type TestServer } from "../../testing/test-server";

describe.each(DB_KINDS)("read receipts (%s)", (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(() => server?.close());

  const receiptsOf = async (client: TestClient, roomId: string) => {
    const res = await client.request<ReadReceiptsResponse>("GET", API.readReceipts(roomId));
    expect(res.status).toBe(200);
    return res.body;
  };
  const markRead = (client: TestClient, roomId: string, seq: number) =>
    client.request("POST", API.markRead(roomId), { seq });
  const quiet = () => new Promise((resolve) => setTimeout(resolve, 200));
  const receiptFrames = (frames: ServerFrame[]) => frames.filter((f) => f.type === "receipt.read");

  it("receipts: in a DM, the other person hears how far I read, live; my own devices do not", async () => {
    const ana = await seedPerson(server, "Ana");
    const ben = await seedPerson(server, "Ben");
    const benId = ben.user?.id ?? "";
    const dm = (await ana.request<{ room: Room }>("POST", API.conversations, { userIds: [benId] })).body.room;
    expect(dm.readReceipts).toBe("auto");
    await ana.send(dm.id, "one");
    await ana.send(dm.id, "two");
    const anaSocket = await ana.connect();
    const benSocket = await ben.connect();
    await Promise.all([anaSocket.waitFor(isFrame("ready")), benSocket.waitFor(isFrame("ready"))]);
    expect(await receiptsOf(ana, dm.id)).toEqual({ enabled: true, receipts: [] });

    await markRead(ben, dm.id, 1);
    const frame = await anaSocket.waitFor(isFrame("receipt.read"));
    expect(frame).toEqual({
      type: "receipt.read",
      roomId: dm.id,
      receipt: { userId: benId, readSeq: 1 },
    });
    expect(await receiptsOf(ana, dm.id)).toEqual({
      enabled: true,
      receipts: [{ userId: benId, readSeq: 1 }],
    });
    // Ben's list leaves Ben out: Ana has read nothing yet.
    expect(await receiptsOf(ben, dm.id)).toEqual({ enabled: true, receipts: [] });

    // A pointer that does not move tells nobody.
    const before = anaSocket.frames.length;
    await markRead(ben, dm.id, 1);
    await quiet();
    expect(receiptFrames(anaSocket.frames.slice(before))).toEqual([]);
    expect(receiptFrames(benSocket.frames)).toEqual([]);
    anaSocket.close();
    benSocket.close();
  });

  it("receipts: a small channel shows them; off, nobody hears a pointer move and the list is empty", async () => {
    const ana = await seedPerson(server, "Ana");
    const ben = await seedPerson(server, "Ben");
    const benId = ben.user?.id ?? "";
    const room = await ana.createRoom();
    await ben.join(room.id);
    await ana.send(room.id, "hi all");
    await markRead(ben, room.id, 1);
    expect(await receiptsOf(ana, room.id)).toEqual({
      enabled: true,
      receipts: [{ userId: benId, readSeq: 1 }],
    });

    const off = await ana.request<{ room: Room }>("PATCH", API.room(room.id), { readReceipts: "off" });
    expect(off.status).toBe(200);
    const got = await ana.request<{ room: Room }>("GET", API.room(room.id));
    expect(got.body.room.readReceipts).toBe("off");
    expect(await receiptsOf(ana, room.id)).toEqual({ enabled: false, receipts: [] });
    const anaSocket = await ana.connect();
    await anaSocket.waitFor(isFrame("ready"));
    await ana.send(room.id, "anyone?");
    await markRead(ben, room.id, 2);
    await quiet();
    expect(receiptFrames(anaSocket.frames)).toEqual([]);

    // On again: the pointer Ben moved meanwhile shows at once.
    await ana.request("PATCH", API.room(room.id), { readReceipts: "on" });
    expect(await receiptsOf(ana, room.id)).toEqual({
      enabled: true,
      receipts: [{ userId: benId, readSeq: 2 }],
    });
    anaSocket.close();
  });

  it("receipts: only admins change the setting; a bad value is refused; outsiders see nothing", async () => {
    const ana = await seedPerson(server, "Ana");
    const ben = await seedPerson(server, "Ben");
    const eve = await seedPerson(server, "Eve");
    const room = await ana.createRoom();
    await ben.join(room.id);
    const bad = await ana.request<{ error: { code: string } }>("PATCH", API.room(room.id), {
      readReceipts: "sometimes",
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("VALIDATION_FAILED");
    const member = await ben.request<{ error: { code: string } }>("PATCH", API.room(room.id), {
      readReceipts: "off",
    });
    expect(member.status).toBe(403);
    const outsider = await eve.request<{ error: { code: string } }>("GET", API.readReceipts(room.id));
    expect(outsider.status).toBe(403);
    expect(outsider.body.error.code).toBe("NOT_A_MEMBER");
  });
});
