import { z } from "zod";
import { PublicUser } from "./accounts";
import { Id, Timestamp } from "./common";

/** Add someone to a room directly (private channels are joined this way or by link). */
export const AddMemberRequest = z.object({ userId: Id });
export type AddMemberRequest = z.infer<typeof AddMemberRequest>;

export const CreateInviteRequest = z.object({
  /** Omit for a link that does not expire. At most 30 days. */
  expiresInSeconds: z
    .number()
    .int()
    .min(60)
    .max(30 * 24 * 3600)
    .optional(),
  /** Omit for unlimited uses. */
  maxUses: z.number().int().min(1).max(10_000).optional(),
});
export type CreateInviteRequest = z.input<typeof CreateInviteRequest>;

export const Invite = z.object({
  id: Id,
  roomId: Id,
  createdBy: PublicUser,
  createdAt: Timestamp,
  expiresAt: Timestamp.nullable(),
  maxUses: z.number().int().nullable(),
  uses: z.number().int(),
  revoked: z.boolean(),
});
export type Invite = z.infer<typeof Invite>;

/** Only the creation answer carries the secret code; listings never show it again. */
export const CreateInviteResponse = z.object({ invite: Invite, code: z.string() });
export type CreateInviteResponse = z.infer<typeof CreateInviteResponse>;
export const InviteListResponse = z.object({ invites: z.array(Invite) });

export const InviteCodeParams = z.object({ code: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) });

/** What someone holding a link sees before accepting. */
export const InvitationPreview = z.object({
  roomId: Id,
  roomName: z.string(),
  topic: z.string(),
  memberCount: z.number().int(),
  /** Already a member: accepting just opens the room. */
  alreadyMember: z.boolean(),
});
export type InvitationPreview = z.infer<typeof InvitationPreview>;
