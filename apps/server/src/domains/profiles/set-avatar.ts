import type { Profile } from "@parley/protocol";
import type { AppContext } from "../../context";
import { runAction } from "../../db/run-action";
import type { MediaStore } from "../../media/media-store";
import { announceProfile } from "./announce-profile";
import { processAvatar } from "./process-avatar";
import { releaseAvatarImages } from "./release-avatar-images";
import { PROFILE_COLUMNS, toProfile } from "./to-profile";

/**
 * Makes an uploaded image the user's avatar: checked and cropped (process-avatar.ts), both
 * squares stored before the row points at them (so the row never names a missing file), then
 * the row updated and the change announced. The images it replaces are deleted when nobody
 * else uses them.
 */
export async function setAvatar(
  ctx: Pick<AppContext, "db" | "bus" | "log">,
  media: MediaStore,
  userId: string,
  upload: Buffer,
): Promise<Profile> {
  const images = await processAvatar(upload);
  const largeHash = await media.put("avatars", images.large);
  const thumbHash = await media.put("avatars", images.thumb);
  const { profile, previous } = await runAction(ctx, async (action) => {
    const before = await action.tx
      .selectFrom("users")
      .select(["avatar_hash", "avatar_thumb_hash"])
      .where("id", "=", userId)
      .executeTakeFirstOrThrow();
    const row = await action.tx
      .updateTable("users")
      .set({ avatar_hash: largeHash, avatar_thumb_hash: thumbHash })
      .where("id", "=", userId)
      .returning(PROFILE_COLUMNS)
      .executeTakeFirstOrThrow();
    const profile = toProfile(row);
    await announceProfile(action, profile);
    return { profile, previous: [before.avatar_hash, before.avatar_thumb_hash] };
  });
  await releaseAvatarImages(ctx, media, previous);
  return profile;
}
