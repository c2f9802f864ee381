import type { AppContext } from "../../context";
import type { MediaStore } from "../../media/media-store";
import { avatarImageInUse } from "./queries";

/**
 * Deletes avatar images no account uses any more (after the change that dropped them has
 * committed). Identical uploads share one file, so an image still named by someone is kept.
 * A failure only leaves an unused file behind: it is logged, never reported to the user.
 *
 * Known gap: if someone uploads the very same image between the check and the delete, their
 * avatar file is gone and their clients fall back to initials until they upload again; a
 * sweep of unreferenced blobs (later, with attachments) would close it.
 */
export async function releaseAvatarImages(
  ctx: Pick<AppContext, "db" | "log">,
  media: MediaStore,
  hashes: ReadonlyArray<string | null>,
): Promise<void> {
  for (const hash of new Set(hashes)) {
    if (hash === null) continue;
    try {
      if (!(await avatarImageInUse(ctx.db, hash))) await media.remove("avatars", hash);
    } catch (error) {
      ctx.log.warn({ err: error, hash }, "could not delete an unused avatar image");
    }
  }
}
