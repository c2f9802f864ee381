import type { Profile } from "@parley/protocol";
import type { AppContext } from "../../context";
import { runAction } from "../../db/run-action";
import type { MediaStore } from "../../media/media-store";
import { announceProfile } from "./announce-profile";
import { releaseAvatarImages } from "./release-avatar-images";
import { PROFILE_COLUMNS, toProfile } from "./to-profile";

/** Removes the user's avatar (initials show again); idempotent. Announced when it changed. */
export async function removeAvatar(
  ctx: Pick<AppContext, "db" | "bus" | "log">,
  media: MediaStore,
  userId: string,
): Promise<Profile> {
  const { profile, previous } = await runAction(ctx, async (action) => {
    const before = await action.tx
      .selectFrom("users")
      .select(["avatar_hash", "avatar_thumb_hash"])
      .where("id", "=", userId)
      .executeTakeFirstOrThrow();
    const row = await action.tx
      .updateTable("users")
      .set({ avatar_hash: null, avatar_thumb_hash: null })
      .where("id", "=", userId)
      .returning(PROFILE_COLUMNS)
      .executeTakeFirstOrThrow();
    const profile = toProfile(row);
    if (before.avatar_hash !== null) await announceProfile(action, profile);
    return { profile, previous: [before.avatar_hash, before.avatar_thumb_hash] };
  });
  await releaseAvatarImages(ctx, media, previous);
  return profile;
}
