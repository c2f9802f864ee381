import { findMentions } from "@parley/protocol";
import { z } from "zod";
import { timeOrderedId } from "../../db/time-ordered-id";
import { defineJob, type JobContext } from "../../jobs/define-job";
import { writeNotifications } from "../notifications/write-notifications";

/**
 * Writes the inbox entries (kind "thread") a reply in a thread causes: for every follower of
 * the thread who is still a member of the room, and for members mentioned by name in it, and
 * tells each recipient's devices. Kept beside notify-message.ts rather than inside it: a
 * thread reply notifies its followers, not the room (Slack), so it takes this job instead.
 *
 * Nobody is notified of their own reply, of a deleted one, or of a reply they have already
 * read in the thread; a muted room notifies only of mentions by name. Idempotent: one entry per
 * person per message, so a re-run after a crash writes and announces nothing twice.
 */
export async function notifyThreadReply(
  ctx: Pick<JobContext, "db" | "bus">,
  messageId: string,
): Promise<void> {
  const reply = await ctx.db
    .selectFrom("messages")
    .select(["id", "room_id", "seq", "author_id", "body", "deleted_at", "thread_root_id", "created_at"])
    .where("id", "=", messageId)
    .where("kind", "=", "message")
    .executeTakeFirst();
  if (!reply || reply.deleted_at !== null || reply.thread_root_id === null) return;
  const seq = Number(reply.seq);
  const members = await ctx.db
    .selectFrom("room_members")
    .innerJoin("users", "users.id", "room_members.user_id")
    .leftJoin("thread_follows", (join) =>
      join
        .onRef("thread_follows.user_id", "=", "room_members.user_id")
        .on("thread_follows.root_id", "=", reply.thread_root_id as string),
    )
    .select([
      "users.id",
      "users.display_name",
      "room_members.notify",
      "thread_follows.following",
      "thread_follows.read_seq",
    ])
    .where("room_members.room_id", "=", reply.room_id)
    .where("users.deactivated_at", "is", null)
    .execute();
  const named = new Set(findMentions(reply.body).names.map((n) => n.toLocaleLowerCase()));
  const rows = members.flatMap((m) => {
    if (m.id === reply.author_id || Number(m.read_seq ?? 0) >= seq) return [];
    const mentioned = named.has(m.display_name.toLocaleLowerCase());
    const following = Number(m.following ?? 0) === 1;
    if (!mentioned && (!following || m.notify === "mute")) return [];
    return [
      {
        id: timeOrderedId(),
        user_id: m.id,
        room_id: reply.room_id,
        message_id: reply.id,
        seq,
        author_id: reply.author_id,
        kind: "thread" as const,
        // The reply's time: the inbox is in message order, whenever the job ran.
        created_at: reply.created_at,
        read_at: null,
      },
    ];
  });
  if (rows.length === 0) return;
  await writeNotifications(ctx, rows);
}

export const notifyThreadReplyJob = defineJob({
  id: "notify.thread",
  version: 1,
  payload: z.object({ messageId: z.string().uuid() }),
  handle: (ctx, { messageId }) => notifyThreadReply(ctx, messageId),
});
