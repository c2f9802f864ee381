import type { ActionTx } from "../../db/run-action";
import type { MediaStore } from "../../media/media-store";
import { releaseBlobsJob } from "./attachment-jobs";

/**
 * In a message deletion's transaction: the message's attachments stop existing (their rows
 * go, so their URLs answer 404 at once), and a job deletes their blobs after commit unless
 * another attachment shares the same bytes.
 */
export async function releaseMessageAttachments(
  action: Pick<ActionTx, "tx" | "enqueue">,
  media: MediaStore,
  messageId: string,
): Promise<void> {
  const gone = await action.tx
    .deleteFrom("attachments")
    .where("message_id", "=", messageId)
    .returning(["sha256", "thumb_sha256"])
    .execute();
  const hashes = [...new Set(gone.flatMap((r) => [r.sha256, r.thumb_sha256]))].filter(
    (h): h is string => h !== null,
  );
  if (hashes.length > 0) await action.enqueue(releaseBlobsJob(media), { hashes });
}
