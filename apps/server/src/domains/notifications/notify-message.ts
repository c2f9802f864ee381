import type { Database } from "@parley/db";
import { findMentions, type NotificationKind, type RoomRole } from "@parley/protocol";
import type { Insertable } from "kysely";
import { z } from "zod";
import { paddedIn } from "../../db/statement-shapes";
import { timeOrderedId } from "../../db/time-ordered-id";
import { defineJob, type JobContext } from "../../jobs/define-job";
import { rankOf } from "../../rules/rules";
import { scheduleEmailDigests } from "../email/email-digest";
import { enqueueMessagePushes } from "../push/enqueue-pushes";
import { writeNotifications } from "./write-notifications";

/** At most this many messages per notification job (a send batch enqueues one job). */
export const NOTIFY_MESSAGES_PER_JOB = 500;

/**
 * Writes the inbox entries new messages cause — for every other member of a direct
 * conversation, for each member mentioned by name, and, when a moderator or above wrote it,
 * for everyone on `@room` and for the members online at the time on `@here` (as in Slack) —
 * and tells each recipient's devices. Enqueued in the messages' own transaction (one job per
 * send batch, for the messages that can notify), run by the job worker.
 *
 * Set-based: a batch of messages costs one read of the messages, one of their rooms' members,
 * one insert and one read of the entries, whatever their number (a DM flood is one message
 * per notification, and per-message work fell behind the sends).
 *
 * Nobody is notified of a message they have already read (on any device), of their own
 * message, or of a deleted one; a muted room notifies only of mentions by name (as Slack
 * does). Idempotent: one entry per person per message, so a re-run after a crash writes and
 * announces nothing twice.
 */
export async function notifyForMessages(
  ctx: Pick<JobContext, "db" | "bus" | "presence">,
  messageIds: readonly string[],
): Promise<void> {
  if (messageIds.length === 0) return;
  const messages = await ctx.db
    .selectFrom("messages")
    .innerJoin("rooms", "rooms.id", "messages.room_id")
    .select([
      "messages.id",
      "messages.room_id",
      "messages.seq",
      "messages.author_id",
      "messages.body",
      "messages.created_at",
      "rooms.kind as room_kind",
    ])
    .where("messages.id", "in", paddedIn([...new Set(messageIds)]))
    .where("messages.kind", "=", "message")
    .where("messages.deleted_at", "is", null)
    .execute();
  if (messages.length === 0) return;
  const members = await ctx.db
    .selectFrom("room_members")
    .innerJoin("users", "users.id", "room_members.user_id")
    .select([
      "room_members.room_id",
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
    .where("room_members.room_id", "in", paddedIn([...new Set(messages.map((m) => m.room_id))]))
    .where("users.deactivated_at", "is", null)
    .execute();
  const membersOf = new Map<string, typeof members>();
  for (const m of members) {
    const list = membersOf.get(m.room_id);
    if (list) list.push(m);
    else membersOf.set(m.room_id, [m]);
  }

  const rows: Array<Insertable<Database["notifications"]>> = [];
  const pushes = new Map<string, Array<{ userId: string; mention: boolean }>>();
  for (const message of messages) {
    const inRoom = membersOf.get(message.room_id) ?? [];
    const reasons = await reasonsFor(ctx, message, inRoom);
    const seq = Number(message.seq);
    for (const m of inRoom) {
      const kind = reasons.get(m.id);
      if (!kind || m.id === message.author_id || Number(m.read_seq) >= seq) continue;
      if (m.notify === "mute" && kind !== "mention") continue;
      rows.push({
        id: timeOrderedId(),
        user_id: m.id,
        room_id: message.room_id,
        message_id: message.id,
        seq,
        author_id: message.author_id,
        kind,
        // The message's time, not the job's: jobs run in any order, the inbox is in message
        // order (seq breaks the tie within a batch, which shares one timestamp).
        created_at: message.created_at,
        read_at: null,
      });
      if (m.has_push) {
        const list = pushes.get(message.id) ?? [];
        list.push({ userId: m.id, mention: kind !== "dm" });
        pushes.set(message.id, list);
      }
    }
  }
  if (rows.length === 0) return;
  await writeNotifications(ctx, rows);
  // Web Push to the same people's devices; keyed per message and device, so a re-run after a
  // crash queues nothing twice (even for entries written by the earlier run).
  await enqueueMessagePushes(ctx, pushes);
  // An email digest later for those push does not reach (all rows: a re-run queues no twin).
  await scheduleEmailDigests(
    ctx,
    rows.map((r) => r.user_id),
  );
}

/** Why each member of the room would hear of the message (before read state and muting). */
async function reasonsFor(
  ctx: Pick<JobContext, "presence">,
  message: { author_id: string; body: string; room_kind: string },
  members: ReadonlyArray<{ id: string; display_name: string; role: RoomRole }>,
): Promise<Map<string, NotificationKind>> {
  const reasons = new Map<string, NotificationKind>();
  if (message.room_kind !== "channel") {
    for (const m of members) reasons.set(m.id, "dm");
    return reasons;
  }
  const mentions = findMentions(message.body);
  const author = members.find((m) => m.id === message.author_id);
  if (author && rankOf(author.role) >= rankOf("moderator")) {
    if (mentions.room) {
      for (const m of members) reasons.set(m.id, "room");
    } else if (mentions.here) {
      const presence = await ctx.presence.snapshot(members.map((m) => m.id));
      const online = new Set(presence.filter((p) => p.status === "online").map((p) => p.userId));
      for (const m of members) if (online.has(m.id)) reasons.set(m.id, "here");
    }
  }
  const named = new Set(mentions.names.map((n) => n.toLocaleLowerCase()));
  for (const m of members) if (named.has(m.display_name.toLocaleLowerCase())) reasons.set(m.id, "mention");
  return reasons;
}

export const notifyMessageJob = defineJob({
  id: "notify.message",
  version: 1,
  // One message per job before send batches shared a job; such jobs still run after an upgrade.
  payload: z.union([
    z.object({ messageIds: z.array(z.string().uuid()).min(1).max(NOTIFY_MESSAGES_PER_JOB) }),
    z.object({ messageId: z.string().uuid() }).transform(({ messageId }) => ({ messageIds: [messageId] })),
  ]),
  // A backlog of send batches' jobs (a DM flood) runs as one set.
  merge: (payloads) => ({ messageIds: [...new Set(payloads.flatMap((p) => p.messageIds))] }),
  handle: (ctx, { messageIds }) => notifyForMessages(ctx, messageIds),
});

/** Whether a new message can notify anyone, so its job is worth enqueueing. */
export function mayNotify(roomKind: "channel" | "dm" | "group", body: string): boolean {
  if (roomKind !== "channel") return true;
  const { names, room, here } = findMentions(body);
  return names.length > 0 || room || here;
}
