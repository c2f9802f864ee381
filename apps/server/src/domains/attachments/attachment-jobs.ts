import { z } from "zod";
import { type AnyJobDefinition, defineJob, type JobContext } from "../../jobs/define-job";
import type { MediaStore } from "../../media/media-store";
import { blobInUse } from "./queries";

/** A pending upload no message has taken by then is deleted. */
export const PENDING_UPLOAD_TTL_MS = 24 * 3_600_000;

const Hash = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * Deletes the blobs that no attachment row names any more: after a message with files was
 * deleted, or a pending upload expired. Identical files share one blob (content addressing),
 * so a blob still named by another row is kept. Written in the transaction that dropped the
 * rows (the outbox), so a crash after the commit still frees the space.
 *
 * Known gap: an upload of the very same bytes between the check and the delete loses its
 * blob (it then answers 404); a periodic sweep of unreferenced blobs would close it.
 */
export function releaseBlobsJob(media: MediaStore) {
  return defineJob({
    id: "attachments.release-blobs",
    version: 1,
    payload: z.object({ hashes: z.array(Hash).max(100) }),
    async handle(ctx: JobContext, { hashes }) {
      for (const hash of new Set(hashes)) {
        if (!(await blobInUse(ctx.db, hash))) await media.remove("attachments", hash);
      }
    },
  });
}

/** A pending upload, a day later: deleted (with its blobs) unless a message carries it. */
export function prunePendingUploadJob(media: MediaStore) {
  return defineJob({
    id: "attachments.prune-pending",
    version: 1,
    payload: z.object({ attachmentId: z.string().uuid() }),
    async handle(ctx: JobContext, { attachmentId }) {
      const gone = await ctx.db
        .deleteFrom("attachments")
        .where("id", "=", attachmentId)
        .where("message_id", "is", null)
        .returning(["sha256", "thumb_sha256"])
        .executeTakeFirst();
      if (!gone) return;
      await releaseBlobsJob(media).handle(
        ctx,
        { hashes: [gone.sha256, gone.thumb_sha256].filter(isHash) },
        {
          id: "",
          attempt: 1,
        },
      );
    },
  });
}

const isHash = (hash: string | null): hash is string => hash !== null;

/** The attachment jobs, bound to the media store their handlers delete from. */
export function attachmentJobs(media: MediaStore): AnyJobDefinition[] {
  return [releaseBlobsJob(media), prunePendingUploadJob(media)];
}
