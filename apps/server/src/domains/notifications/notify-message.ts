import { randomUUID } from "node:crypto";
import { findMentions, type NotificationKind } from "@parley/protocol";
import { z } from "zod";
import { defineJob, type JobContext } from "../../jobs/define-job";
import { rankOf } from "../../rules/rules";
import { scheduleEmailDigests } from "../email/email-digest";
import { enqueueMessagePushes } from "../push/enqueue-pushes";
import { writeNotifications } from "./write-notifications";

/**
 * Writes the inbox entries a new message causes — for every other member of a direct
 * conversation, for each member mentioned by name, and, when a moderator or above wrote it,
 * for everyone on `@room` and for the members online at the time on `@here` (as in Slack) —
 * and tells each recipient's devices. Enqueued in the
 * message's own transaction (only for messages that can notify), run by the job worker.
 *
 * Nobody is notified of a message they have already read (on any device), of their own
 * message, or of a deleted one; a muted room notifies only of mentions by name (as Slack
 * does). Idempotent: one entry per person per message, so a re-run after a crash writes and
 * announces nothing twice.
 */
export async function notifyForMessage(
  ctx: Pick<JobContext, "db" | "bus" | "presence">,
  messageId: string,
): Promise<void> {
  const message = await ctx.db
    .selectFrom("messages")
    .innerJoin("rooms", "rooms.id", "messages.room_id")
    .select([
      "messages.id",
      "messages.room_id",
      "messages.seq",
      "messages.author_id",
      "messages.body",
      "messages.deleted_at",
      "rooms.kind as room_kind",
    ])
    .where("messages.id", "=", messageId)
    .where("messages.kind", "=", "message")
    .executeTakeFirst();
  if (!message || message.deleted_at !== null) return;
  const seq = Number(message.seq);
  const members = await ctx.db
    .selectFrom("room_members")
    .innerJoin("users", "users.id", "room_members.user_id")
    .select([
      "users.id",
      "users.display_name",
      "room_members.role",
      "room_members.read_seq",
      "room_members.notify",
      // Whether the member has a push device, asked here so a message to people without one
      // costs no query more.
      (eb) =>
        eb
          .exists(
            eb
              .selectFrom("push_subscriptions")
              .select("push_subscriptions.id")
              .whereRef("push_subscriptions.user_id", "=", "users.id"),
          )
          .as("has_push"),
    ])
    .where("room_members.room_id", "=", message.room_id)
    .where("users.deactivated_at", "is", null)
    .execute();
  const author = members.find((m) => m.id === message.author_id);

  const reasons = new Map<string, NotificationKind>();
  const mentions = findMentions(message.body);
  if (message.room_kind === "channel" && author && rankOf(author.role) >= rankOf("moderator")) {
    if (mentions.room) {
      for (const m of members) reasons.set(m.id, "room");
    } else if (mentions.here) {
      const presence = await ctx.presence.snapshot(members.map((m) => m.id));
      const online = new Set(presence.filter((p) => p.status === "online").map((p) => p.userId));
      for (const m of members) if (online.has(m.id)) reasons.set(m.id, "here");
    }
  }
  if (message.room_kind !== "channel") for (const m of members) reasons.set(m.id, "dm");
  const named = new Set(mentions.names.map((n) => n.toLocaleLowerCase()));
  for (const m of members) if (named.has(m.display_name.toLocaleLowerCase())) reasons.set(m.id, "mention");

  const now = new Date().toISOString();
  const rows = members.flatMap((m) => {
    const kind = reasons.get(m.id);
    if (!kind || m.id === message.author_id || Number(m.read_seq) >= seq) return [];
    if (m.notify === "mute" && kind !== "mention") return [];
    return [
      {
        id: randomUUID(),
        user_id: m.id,
        room_id: message.room_id,
        message_id: message.id,
        seq,
        author_id: message.author_id,
        kind,
        created_at: now,
        read_at: null,
      },
    ];
  });
  if (rows.length === 0) return;
  await writeNotifications(ctx, rows);
  // Web Push to the same people's devices; keyed per message and device, so a re-run after a
  // crash queues nothing twice (even for entries written by the earlier run).
  const withPush = new Set(members.filter((m) => Boolean(m.has_push)).map((m) => m.id));
  await enqueueMessagePushes(
    ctx,
    message.id,
    rows.filter((r) => withPush.has(r.user_id)).map((r) => ({ userId: r.user_id, mention: r.kind !== "dm" })),
  );
  // An email digest later for those push does not reach (all rows: a re-run queues no twin).
  await scheduleEmailDigests(
    ctx,
    rows.map((r) => r.user_id),
  );
}

export const notifyMessageJob = defineJob({
  id: "notify.message",
  version: 1,
  payload: z.object({ messageId: z.string().uuid() }),
  handle: (ctx, { messageId }) => notifyForMessage(ctx, messageId),
});

/** Whether a new message can notify anyone, so its job is worth enqueueing. */
export function mayNotify(roomKind: "channel" | "dm" | "group", body: string): boolean {
  if (roomKind !== "channel") return true;
  const { names, room, here } = findMentions(body);
  return names.length > 0 || room || here;
}
