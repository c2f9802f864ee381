import type { AppContext } from "../../context";
import { runAction } from "../../db/run-action";
import type { MediaStore } from "../../media/media-store";
import { roomTopic } from "../../realtime/bus";
import { recordAudit } from "../moderation/record-audit";
import { processAvatar } from "../profiles/process-avatar";
import { releaseAvatarImages } from "../profiles/release-avatar-images";
import { avatarImageUrl } from "../profiles/to-profile";

/**
 * Gives a channel a picture, or takes it away (`upload` null): checked and cropped like a
 * person's avatar (profiles/process-avatar.ts), stored before the row names it, the change
 * logged and sent live to every member. The images it replaces are deleted when nothing else
 * shows them. The caller has checked the rule (room.manage).
 */
export async function setRoomAvatar(
  ctx: Pick<AppContext, "db" | "bus" | "log">,
  media: MediaStore,
  actorId: string,
  roomId: string,
  upload: Buffer | null,
): Promise<void> {
  let hashes: { large: string; thumb: string } | null = null;
  if (upload) {
    const images = await processAvatar(upload);
    hashes = {
      large: await media.put("avatars", images.large),
      thumb: await media.put("avatars", images.thumb),
    };
  }
  const previous = await runAction(ctx, async (action) => {
    const before = await action.tx
      .selectFrom("rooms")
      .select(["avatar_hash", "avatar_thumb_hash"])
      .where("id", "=", roomId)
      .executeTakeFirstOrThrow();
    // Removing a picture that is not there changes nothing and says nothing.
    if (!hashes && before.avatar_hash === null) return [];
    await action.tx
      .updateTable("rooms")
      .set({ avatar_hash: hashes?.large ?? null, avatar_thumb_hash: hashes?.thumb ?? null })
      .where("id", "=", roomId)
      .execute();
    await recordAudit(action, {
      roomId,
      actorId,
      action: "room.updated",
      targetUserId: null,
      details: { avatar: hashes ? "changed" : "removed" },
    });
    action.publish(roomTopic(roomId), {
      type: "room.updated",
      roomId,
      changes: {
        avatarUrl: avatarImageUrl(hashes?.large ?? null),
        avatarThumbUrl: avatarImageUrl(hashes?.thumb ?? null),
      },
    });
    return [before.avatar_hash, before.avatar_thumb_hash];
  });
  await releaseAvatarImages(ctx, media, previous);
}
