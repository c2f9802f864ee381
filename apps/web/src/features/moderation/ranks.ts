import type { Member, RoomRole } from "@parley/protocol";

/**
 * Who may act on whom, as the server's rules module decides it (apps/server/src/rules): a
 * moderator or above acts only on people ranked strictly below, and gives only roles below
 * their own. The client mirrors it to offer only the actions that will be allowed; the server
 * still decides, and its refusal is shown if the two ever disagree.
 */
const RANK: Record<RoomRole, number> = { member: 1, moderator: 2, admin: 3, owner: 4 };

export function rankOf(role: RoomRole | null | undefined): number {
  return role ? RANK[role] : 0;
}

export function atLeast(role: RoomRole | null | undefined, minimum: RoomRole): boolean {
  return rankOf(role) >= RANK[minimum];
}

/** Moderators and above may act on someone ranked below them, never on themselves. */
export function canActOn(myRole: RoomRole | null, theirRole: RoomRole, isSelf: boolean): boolean {
  return !isSelf && atLeast(myRole, "moderator") && rankOf(myRole) > rankOf(theirRole);
}

/** The roles an admin or owner may give this person: below their own, other than the current. */
export function assignableRoles(myRole: RoomRole | null, current: RoomRole): RoomRole[] {
  if (!atLeast(myRole, "admin")) return [];
  const roles: RoomRole[] = ["admin", "moderator", "member"];
  return roles.filter((role) => rankOf(role) < rankOf(myRole) && role !== current);
}

export const ROLE_LABEL: Record<RoomRole, string> = {
  owner: "Owner",
  admin: "Admin",
  moderator: "Moderator",
  member: "Member",
};

export const MUTE_CHOICES = [
  { seconds: 10 * 60, duration: "10 minutes" },
  { seconds: 60 * 60, duration: "1 hour" },
  { seconds: 24 * 60 * 60, duration: "1 day" },
] as const;

export type MemberAction =
  | { kind: "mute"; seconds: number; duration: string; label: string }
  | { kind: "unmute"; label: string }
  | { kind: "role"; role: RoomRole; label: string }
  | { kind: "kick"; label: string }
  | { kind: "ban"; label: string };

export function isMuted(mutedUntil: string | null, now: Date): boolean {
  return mutedUntil !== null && new Date(mutedUntil).getTime() > now.getTime();
}

/** The per-member menu, in order; empty when I may not act on them (no menu then). */
export function memberActions(
  me: { id: string; role: RoomRole | null },
  member: Member,
  now: Date = new Date(),
): MemberAction[] {
  if (!canActOn(me.role, member.role, member.user.id === me.id)) return [];
  const actions: MemberAction[] = isMuted(member.mutedUntil, now)
    ? [{ kind: "unmute", label: "Unmute" }]
    : MUTE_CHOICES.map((c) => ({
        kind: "mute",
        seconds: c.seconds,
        duration: c.duration,
        label: `Mute for ${c.duration}`,
      }));
  for (const role of assignableRoles(me.role, member.role)) {
    actions.push({ kind: "role", role, label: `Make ${role}` });
  }
  actions.push({ kind: "kick", label: "Kick…" }, { kind: "ban", label: "Ban…" });
  return actions;
}
