import type { Database } from "@parley/db";
import type { Kysely } from "kysely";
import { AppError } from "../../errors";

/** A send's claim on attachments: who sends, where, with which clientId. */
export interface AttachmentClaim {
  roomId: string;
  authorId: string;
  clientId: string;
  attachmentIds: readonly string[];
}

export function attachmentUnavailable(): AppError {
  return new AppError(
    "ATTACHMENT_UNAVAILABLE",
    "An attachment is not one of your uploads to this room, or another message already carries it",
  );
}

/**
 * Checks a batch of sends' attachments in ONE query, before anything is stored: each must be
 * the sender's own upload to that room, and still pending — or already carried by the
 * message this very send created before (a retry of the same clientId, answered with its
 * original). Returns, per claim, null when valid or the error to answer it with.
 */
export async function checkAttachmentClaims(
  db: Kysely<Database>,
  claims: readonly AttachmentClaim[],
): Promise<Array<AppError | null>> {
  const ids = [...new Set(claims.flatMap((c) => c.attachmentIds))];
  if (ids.length === 0) return claims.map(() => null);
  const rows = await db
    .selectFrom("attachments")
    .leftJoin("messages", "messages.id", "attachments.message_id")
    .select([
      "attachments.id",
      "attachments.room_id",
      "attachments.uploader_id",
      "attachments.message_id",
      "messages.client_id",
    ])
    .where("attachments.id", "in", ids)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return claims.map((claim) => {
    const ok = claim.attachmentIds.every((id) => {
      const row = byId.get(id);
      return (
        row !== undefined &&
        row.room_id === claim.roomId &&
        row.uploader_id === claim.authorId &&
        (row.message_id === null || row.client_id === claim.clientId)
      );
    });
    return ok ? null : attachmentUnavailable();
  });
}

/**
 * In the send's transaction: the new message takes its attachments. Guarded on their still
 * being pending and the sender's, so two sends racing for one upload cannot both have it;
 * the loser fails (its batch is then retried one send at a time, and it alone is refused).
 */
export async function bindAttachments(
  tx: Kysely<Database>,
  messageId: string,
  claim: AttachmentClaim,
): Promise<void> {
  const ids = [...claim.attachmentIds];
  const bound = await tx
    .updateTable("attachments")
    .set((eb) => {
      // Each file's place, as the sender listed them (one statement, however many files).
      let position = eb
        .case()
        .when("id", "=", ids[0] as string)
        .then(0);
      ids.slice(1).forEach((id, i) => {
        position = position.when("id", "=", id).then(i + 1);
      });
      return { message_id: messageId, position: position.else(0).end() };
    })
    .where("id", "in", ids)
    .where("room_id", "=", claim.roomId)
    .where("uploader_id", "=", claim.authorId)
    .where("message_id", "is", null)
    .executeTakeFirst();
  if (Number(bound.numUpdatedRows) !== claim.attachmentIds.length) throw attachmentUnavailable();
}
