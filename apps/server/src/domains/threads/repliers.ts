import { PublicUser } from "@parley/protocol";
import { z } from "zod";

/** How a root row stores its last repliers: a JSON array of {id, displayName}, newest first. */
const Repliers = z.array(PublicUser);

/** A root's stored repliers (written by record-thread-replies.ts; anything else reads as none). */
export function parseRepliers(json: string | null): PublicUser[] {
  if (!json) return [];
  try {
    const parsed = Repliers.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}
