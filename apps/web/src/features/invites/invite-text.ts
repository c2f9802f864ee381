import type { Invite } from "@parley/protocol";

export const EXPIRY_CHOICES = [
  { value: "86400", label: "1 day", seconds: 86_400 },
  { value: "604800", label: "7 days", seconds: 604_800 },
  { value: "never", label: "Never", seconds: undefined },
] as const;

export const MAX_USE_CHOICES = [
  { value: "none", label: "No limit", uses: undefined },
  { value: "1", label: "1 use", uses: 1 },
  { value: "5", label: "5 uses", uses: 5 },
  { value: "10", label: "10 uses", uses: 10 },
  { value: "25", label: "25 uses", uses: 25 },
  { value: "100", label: "100 uses", uses: 100 },
] as const;

/** Whether the link still lets people in. */
export function inviteState(invite: Invite, now: Date): "active" | "revoked" | "expired" | "used up" {
  if (invite.revoked) return "revoked";
  if (invite.expiresAt !== null && new Date(invite.expiresAt).getTime() <= now.getTime()) return "expired";
  if (invite.maxUses !== null && invite.uses >= invite.maxUses) return "used up";
  return "active";
}

/** "3 of 10 uses" / "1 use" / "No uses yet". */
export function usesText(invite: Pick<Invite, "uses" | "maxUses">): string {
  if (invite.maxUses !== null) return `${invite.uses} of ${invite.maxUses} uses`;
  if (invite.uses === 0) return "No uses yet";
  return invite.uses === 1 ? "1 use" : `${invite.uses} uses`;
}
