import { createHash, randomBytes } from "node:crypto";

/** 144 random bits, URL-safe: unguessable, short enough to share. */
export function newInviteCode(): string {
  return randomBytes(18).toString("base64url");
}

/** Only the hash is stored, so a database leak does not hand out working links. */
export function hashInviteCode(code: string): string {
  return createHash("sha256").update(code).digest("hex");
}
