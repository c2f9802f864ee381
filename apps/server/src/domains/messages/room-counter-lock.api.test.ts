import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAction } from "../../db/run-action";
import { pgAvailability, seedPerson, startTestServer, type TestServer } from "../../testing/test-server";
import { storeMessagesIn } from "./store-messages";

// PostgreSQL only: SQLite has one writer, and its transactions never wait on row locks.
describe.runIf(pgAvailability.run)("messages: the room counter's lock (postgres)", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer("postgres");
  });
  afterAll(() => server?.close());

  it("a send holding its room's counter does not hold up a write that references the room", async () => {
    const ctx = server.app.ctx;
    const [owner, newcomer] = await Promise.all([seedPerson(server, "Olga"), seedPerson(server, "Nina")]);
    const room = await owner.createRoom();
    const author = { id: owner.user?.id ?? "", displayName: "Olga" };

    // A send that has taken the room's next sequence number and not committed yet.
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let counted = () => {};
    const holding = new Promise<void>((resolve) => {
      counted = resolve;
    });
    const sending = runAction(ctx, async (action) => {
      const results = await storeMessagesIn({}, action, [
        { author, roomId: room.id, clientId: randomUUID(), body: "held open" },
      ]);
      counted();
      await released;
      return results;
    });
    await holding;
    try {
      // Meanwhile someone joins: the membership's foreign key takes a KEY SHARE lock on the
      // room's row, which a FOR UPDATE lock on the counter would make wait for the send.
      await ctx.db.transaction().execute(async (tx) => {
        await sql`set local lock_timeout = '2s'`.execute(tx);
        await tx
          .insertInto("room_members")
          .values({
            room_id: room.id,
            user_id: newcomer.user?.id ?? "",
            role: "member",
            joined_at: new Date().toISOString(),
          })
          .execute();
      });
    } finally {
      release();
    }
    const [sent] = await sending;
    expect(sent?.message.seq).toBe(1);
    const member = await ctx.db
      .selectFrom("room_members")
      .select("user_id")
      .where("room_id", "=", room.id)
      .where("user_id", "=", newcomer.user?.id ?? "")
      .executeTakeFirst();
    expect(member?.user_id).toBe(newcomer.user?.id);
  });
});
