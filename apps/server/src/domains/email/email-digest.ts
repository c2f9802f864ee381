import type { Database } from "@parley/db";
import type { Kysely } from "kysely";
import { z } from "zod";
import { defineJob, type JobContext } from "../../jobs/define-job";
import { enqueueJob } from "../../jobs/enqueue-job";
import { JOBS_TOPIC } from "../../realtime/bus";
import { isEmailVerified } from "../accounts/email-verified";
import { mailDeps } from "./mail-context";
import { type DigestEntry, digestEmail, excerpt } from "./templates";
import { peopleWithWorkingPush } from "./working-push";

/** The inbox entries a digest carries: what the issue calls missed DMs and mentions. */
const DIGEST_KINDS = ["mention", "dm"] as const;
/** One email lists at most this many; the rest wait for the next digest (or the inbox). */
const MAX_ENTRIES = 50;

/**
 * Emails the person the mentions and DMs they have not read, that are at least the digest
 * delay old and were not emailed before, then marks them `emailed_at`. Nothing goes out when
 * they read everything meanwhile, turned digests off, confirmed no email address, or push
 * reaches one of their devices.
 *
 * Entries are claimed (emailed_at set) before the email is sent and released if sending fails,
 * so a retry sends them again; only a crash between the two loses a digest — the person still
 * has the inbox — which is better than one email arriving twice.
 */
export async function sendEmailDigest(ctx: JobContext, userId: string): Promise<void> {
  const { config, mailer } = mailDeps(ctx);
  const user = await ctx.db.selectFrom("users").selectAll().where("id", "=", userId).executeTakeFirst();
  if (!user || user.deactivated_at || Number(user.email_digest) !== 1 || !isEmailVerified(user)) return;
  if ((await peopleWithWorkingPush(ctx.db, [userId], config.mail.pushWorkingWithinMs)).has(userId)) return;

  const cutoff = new Date(Date.now() - config.mail.digestDelayMs).toISOString();
  const rows = await ctx.db
    .selectFrom("notifications as n")
    .innerJoin("rooms", "rooms.id", "n.room_id")
    .innerJoin("messages", "messages.id", "n.message_id")
    .innerJoin("users as author", "author.id", "n.author_id")
    .innerJoin("room_members as rm", (join) =>
      join.onRef("rm.room_id", "=", "n.room_id").onRef("rm.user_id", "=", "n.user_id"),
    )
    .select([
      "n.id",
      "n.kind",
      "n.room_id",
      "n.seq",
      "n.created_at",
      "rooms.name as room_name",
      "rooms.kind as room_kind",
      "messages.body",
      "messages.deleted_at",
      "author.display_name as author_name",
    ])
    .where("n.user_id", "=", userId)
    .where("n.kind", "in", [...DIGEST_KINDS])
    .where("n.read_at", "is", null)
    .where("n.emailed_at", "is", null)
    .where("n.created_at", "<=", cutoff)
    // Read on some device since (the pointer passed it) but the entry not yet marked: skip it.
    .whereRef("rm.read_seq", "<", "n.seq")
    .orderBy("n.created_at")
    .limit(MAX_ENTRIES)
    .execute();
  if (rows.length === 0) return;

  const now = new Date().toISOString();
  const claimed = await ctx.db
    .updateTable("notifications")
    .set({ emailed_at: now })
    .where(
      "id",
      "in",
      rows.map((r) => r.id),
    )
    .where("emailed_at", "is", null)
    .returning("id")
    .execute();
  const ids = new Set(claimed.map((c) => c.id));
  const entries: DigestEntry[] = rows
    .filter((r) => ids.has(r.id))
    .map((r) => ({
      kind: r.kind,
      roomName: r.room_kind === "group" ? "a group conversation" : r.room_name,
      conversation: r.room_kind !== "channel",
      authorName: r.author_name,
      excerpt: r.deleted_at ? "" : excerpt(r.body),
      createdAt: r.created_at,
      link: `${config.mail.linkBase}/rooms/${r.room_id}?seq=${Number(r.seq)}`,
    }));
  if (entries.length === 0) return; // another run of this job claimed them
  try {
    await mailer.send(
      digestEmail({
        to: user.email,
        displayName: user.display_name,
        entries,
        inboxLink: `${config.mail.linkBase}/rooms/inbox`,
        settingsLink: `${config.mail.linkBase}/settings/security`,
      }),
    );
  } catch (error) {
    await releaseEntries(ctx.db, [...ids], now);
    throw error;
  }
}

async function releaseEntries(db: Kysely<Database>, ids: string[], claimedAt: string): Promise<void> {
  await db
    .updateTable("notifications")
    .set({ emailed_at: null })
    .where("id", "in", ids)
    .where("emailed_at", "=", claimedAt)
    .execute();
}

export const emailDigestJob = defineJob({
  id: "email.digest",
  version: 1,
  payload: z.object({ userId: z.string().uuid() }),
  maxAttempts: 5,
  handle: (ctx, { userId }) => sendEmailDigest(ctx, userId),
});

/**
 * Called when new inbox entries were written for these people: queues a digest for those who
 * may get one. Time is cut in windows of the digest delay W; an entry written in window k is
 * covered by the job keyed (person, k), due at the start of window k+2, which emails the
 * entries at least W old — so each entry waits at least W, a person gets at most one digest
 * per window, and re-queueing in the same window is a no-op (the job's dedupe key).
 */
export async function scheduleEmailDigests(
  ctx: Pick<JobContext, "db" | "bus">,
  userIds: readonly string[],
): Promise<void> {
  if (userIds.length === 0) return;
  const { config } = mailDeps(ctx);
  const wanting = await ctx.db
    .selectFrom("users")
    .select(["id", "email_verified_at", "password_hash"])
    .where("id", "in", [...new Set(userIds)])
    .where("email_digest", "=", 1)
    .where("deactivated_at", "is", null)
    .execute();
  const verified = wanting.filter(isEmailVerified).map((u) => u.id);
  const pushed = await peopleWithWorkingPush(ctx.db, verified, config.mail.pushWorkingWithinMs);
  const windowMs = config.mail.digestDelayMs;
  const window = Math.floor(Date.now() / windowMs);
  const runAfter = new Date((window + 2) * windowMs);
  let queued = 0;
  for (const userId of verified) {
    if (pushed.has(userId)) continue;
    await enqueueJob(ctx.db, emailDigestJob, { userId }, { key: `${userId}:${window}`, runAfter });
    queued += 1;
  }
  if (queued > 0) ctx.bus.publish(JOBS_TOPIC, { type: "jobs.queued", dueAt: runAfter.toISOString() });
}
