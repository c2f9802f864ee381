import type { Profile, UpdateProfileRequest } from "@parley/protocol";
import type { AppContext } from "../../context";
import { runAction } from "../../db/run-action";
import { announceProfile } from "./announce-profile";
import { PROFILE_COLUMNS, toProfile } from "./to-profile";

/** Changes one's display name and/or status text; announced live. Returns the new profile. */
export async function updateProfile(
  ctx: Pick<AppContext, "db" | "bus">,
  userId: string,
  changes: UpdateProfileRequest,
): Promise<Profile> {
  return runAction(ctx, async (action) => {
    const row = await action.tx
      .updateTable("users")
      .set({
        ...(changes.displayName === undefined ? {} : { display_name: changes.displayName }),
        ...(changes.statusText === undefined ? {} : { status_text: changes.statusText }),
      })
      .where("id", "=", userId)
      .returning(PROFILE_COLUMNS)
      .executeTakeFirstOrThrow();
    const profile = toProfile(row);
    await announceProfile(action, profile);
    return profile;
  });
}
