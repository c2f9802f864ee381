import type { Database } from "@parley/db";
import { API, type PushPayload } from "@parley/protocol";
import { type Kysely, sql } from "kysely";
import { z } from "zod";
import { defineJob, type JobContext } from "../../jobs/define-job";
import { conversationPeople } from "../rooms/queries";
import { encodePayload, messagePayload, type Receipt, readPayload, testPayload } from "./build-payload";
import { getPreviews } from "./devices";
import type { PushSender } from "./push-sender";

const DeliverPayload = z.discriminatedUnion("kind", [
  /** A message to notify of; `mention`: it names the person (or @room/@here) — the wording. */
  z.object({
    kind: z.literal("message"),
    subscriptionId: z.string().uuid(),
    messageId: z.string().uuid(),
    mention: z.boolean(),
  }),
  /** The room was read: close its notification. */
  z.object({ kind: z.literal("read"), subscriptionId: z.string().uuid(), roomId: z.string().uuid() }),
  z.object({ kind: z.literal("test"), subscriptionId: z.string().uuid() }),
]);
export type DeliverPush = z.infer<typeof DeliverPayload>;

const JOB = { id: "push.deliver", version: 1, payload: DeliverPayload, maxAttempts: 6 } as const;

/**
 * One push to one device (one job per subscription, so a device whose push service is down is
 * retried alone, with the worker's backoff, and never repeats a push to the others). 404/410
 * from the push service: the subscription is gone, its row is dropped. Any other failure counts
 * on the device (`failures`, `last_error`) and is thrown, so the job is retried.
 */
export function deliverPushJob(sender: PushSender | null) {
  return defineJob({
    ...JOB,
    async handle(ctx: JobContext, job) {
      if (!sender) throw new Error("Web Push is not set up on this server");
      await deliverPush(ctx, sender, job);
    },
  });
}

/** The definition to enqueue with (the handler is registered by app.ts with the sender). */
export const PUSH_DELIVER_JOB = deliverPushJob(null);

export async function deliverPush(ctx: Pick<JobContext, "db" | "log">, sender: PushSender, job: DeliverPush) {
  const sub = await ctx.db
    .selectFrom("push_subscriptions")
    .selectAll()
    .where("id", "=", job.subscriptionId)
    .executeTakeFirst();
  if (!sub) return; // removed meanwhile: nothing to do
  const receipt: Receipt = { subscriptionId: sub.id, token: sub.receipt_token, url: API.pushReceipts };
  let payload: PushPayload | null;
  let topic: string | undefined;
  if (job.kind === "test") {
    payload = testPayload(receipt);
  } else if (job.kind === "read") {
    payload = readPayload(job.roomId, receipt);
    topic = payload.tag;
  } else {
    payload = await messagePush(ctx.db, sub.user_id, job.messageId, job.mention, receipt);
    if (payload) topic = payload.tag;
  }
  if (!payload) return;

  const outcome = await sender.send(sub, encodePayload(payload), {
    topic,
    urgency: payload.type === "message" ? "high" : "normal",
  });
  const now = new Date().toISOString();
  if (outcome.kind === "gone") {
    ctx.log.info({ subscription: sub.id, status: outcome.status }, "push subscription expired: removed");
    await ctx.db.deleteFrom("push_subscriptions").where("id", "=", sub.id).execute();
    return;
  }
  if (outcome.kind === "failed") {
    await ctx.db
      .updateTable("push_subscriptions")
      .set((eb) => ({ failures: eb("failures", "+", 1), last_error: outcome.error }))
      .where("id", "=", sub.id)
      .execute();
    throw new Error(outcome.error);
  }
  await ctx.db
    .updateTable("push_subscriptions")
    .set((eb) => ({
      last_sent_at: now,
      unconfirmed_since: eb.fn.coalesce("unconfirmed_since", eb.val(now)),
      failures: 0,
      last_error: null,
    }))
    .where("id", "=", sub.id)
    .execute();
  if (payload.type === "message") await markShown(ctx.db, sub.user_id, payload.roomId, payload.seq);
}

/**
 * The payload for a message, or null when there is nothing to say any more: the message was
 * deleted, the person left the room or has read it (on any device) since the job was queued,
 * or a newer message of the room was pushed already (its notification says more).
 */
async function messagePush(
  db: Kysely<Database>,
  userId: string,
  messageId: string,
  mention: boolean,
  receipt: Receipt,
): Promise<PushPayload | null> {
  const m = await db
    .selectFrom("messages")
    .innerJoin("rooms", "rooms.id", "messages.room_id")
    .innerJoin("users as author", "author.id", "messages.author_id")
    .innerJoin("room_members as me", (j) =>
      j.onRef("me.room_id", "=", "messages.room_id").on("me.user_id", "=", userId),
    )
    .leftJoin("push_room_state as state", (j) =>
      j.onRef("state.room_id", "=", "messages.room_id").on("state.user_id", "=", userId),
    )
    .select([
      "messages.id",
      "messages.room_id",
      "messages.seq",
      "messages.body",
      "messages.author_id",
      "messages.deleted_at",
      "messages.kind",
      "rooms.kind as room_kind",
      "rooms.name as room_name",
      "author.display_name as author_name",
      "me.read_seq",
      "me.notify",
      "state.pushed_seq",
    ])
    .where("messages.id", "=", messageId)
    .executeTakeFirst();
  if (m?.kind !== "message" || m.deleted_at !== null || m.author_id === userId) return null;
  const seq = Number(m.seq);
  if (Number(m.read_seq) >= seq) return null;
  if (m.pushed_seq !== null && Number(m.pushed_seq) > seq) return null;

  const count = await unreadCount(db, userId, m.room_id, Number(m.read_seq), m.room_kind, m.notify);
  const people =
    m.room_kind === "channel"
      ? []
      : ((await conversationPeople(db, [m.room_id], userId)).get(m.room_id) ?? []).map((p) => p.displayName);
  return messagePayload(
    {
      roomId: m.room_id,
      roomKind: m.room_kind,
      roomName: m.room_name,
      people,
      messageId: m.id,
      seq,
      author: m.author_name,
      body: m.body,
      mention,
    },
    { count, previews: await getPreviews(db, userId), receipt },
  );
}

/**
 * What the collapsed notification counts: in a room that notifies of everything (a
 * conversation, a channel set to "all"), the unread messages of others; elsewhere, the unread
 * inbox entries (mentions). At least one: this message.
 */
async function unreadCount(
  db: Kysely<Database>,
  userId: string,
  roomId: string,
  readSeq: number,
  roomKind: "channel" | "dm" | "group",
  notify: "all" | "mentions" | "mute" | null,
): Promise<number> {
  const everything = roomKind === "channel" ? notify === "all" : notify !== "mute" && notify !== "mentions";
  const row = everything
    ? await db
        .selectFrom("messages")
        .select((eb) => eb.fn.countAll<string | number>().as("n"))
        .where("room_id", "=", roomId)
        .where("seq", ">", readSeq)
        .where("kind", "=", "message")
        .where("author_id", "!=", userId)
        .where("deleted_at", "is", null)
        .executeTakeFirstOrThrow()
    : await db
        .selectFrom("notifications")
        .select((eb) => eb.fn.countAll<string | number>().as("n"))
        .where("user_id", "=", userId)
        .where("room_id", "=", roomId)
        .where("seq", ">", readSeq)
        .executeTakeFirstOrThrow();
  return Math.max(1, Number(row.n));
}

/** Remembers that the room's notification is up (to close it once read) and how far it went. */
async function markShown(db: Kysely<Database>, userId: string, roomId: string, seq: number): Promise<void> {
  await db
    .insertInto("push_room_state")
    .values({ user_id: userId, room_id: roomId, pushed_seq: seq, shown: 1 })
    .onConflict((oc) =>
      oc.columns(["user_id", "room_id"]).doUpdateSet((eb) => ({
        shown: 1,
        // Portable max() of two values (SQLite has max(a, b), PostgreSQL greatest(a, b)).
        pushed_seq: sql<number>`case when ${eb.ref("push_room_state.pushed_seq")} > ${seq} then ${eb.ref("push_room_state.pushed_seq")} else ${seq} end`,
      })),
    )
    .execute();
}
