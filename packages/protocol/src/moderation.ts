import { z } from "zod";
import { PublicUser } from "./accounts";
import { Id, Timestamp } from "./common";
import { RoomRole } from "./rooms";

export const MemberParams = z.object({ roomId: Id, userId: Id });

/** A member as the member list shows them. */
export const Member = z.object({
  user: PublicUser,
  role: RoomRole,
  joinedAt: Timestamp,
  /** Muted until this time, or null. */
  mutedUntil: Timestamp.nullable(),
});
export type Member = z.infer<typeof Member>;

export const MemberListResponse = z.object({ members: z.array(Member) });
export type MemberListResponse = z.infer<typeof MemberListResponse>;

/** Longest mute or timed ban: a year. Omit the duration for a ban until lifted. */
const Duration = z
  .number()
  .int()
  .min(60)
  .max(365 * 24 * 3600);

export const BanRequest = z.object({
  reason: z.string().trim().max(500).default(""),
  durationSeconds: Duration.optional(),
});
export type BanRequest = z.input<typeof BanRequest>;

export const MuteRequest = z.object({ durationSeconds: Duration });
export type MuteRequest = z.input<typeof MuteRequest>;

export const RoleChangeRequest = z.object({ role: RoomRole });
export type RoleChangeRequest = z.infer<typeof RoleChangeRequest>;

export const Ban = z.object({
  user: PublicUser,
  reason: z.string(),
  bannedBy: PublicUser,
  createdAt: Timestamp,
  expiresAt: Timestamp.nullable(),
});
export type Ban = z.infer<typeof Ban>;
export const BanListResponse = z.object({ bans: z.array(Ban) });

export const AuditAction = z.enum([
  "member.kicked",
  "member.banned",
  "member.unbanned",
  "member.muted",
  "member.unmuted",
  "member.role_changed",
  "user.deactivated",
  "room.updated",
  "message.removed",
]);
export type AuditAction = z.infer<typeof AuditAction>;

export const AuditEntry = z.object({
  id: Id,
  action: AuditAction,
  actor: PublicUser,
  target: PublicUser.nullable(),
  details: z.record(z.string(), z.unknown()),
  createdAt: Timestamp,
});
export type AuditEntry = z.infer<typeof AuditEntry>;
export const AuditLogResponse = z.object({ entries: z.array(AuditEntry) });
