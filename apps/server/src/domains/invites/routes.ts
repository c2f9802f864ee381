import {
  AddMemberRequest,
  API,
  CreateInviteRequest,
  type InvitationPreview,
  InviteCodeParams,
  RoomParams,
} from "@parley/protocol";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../context";
import { AppError } from "../../errors";
import { parse } from "../../http/parse";
import { authorizedUser } from "../../http/route-rules";
import { limitRequest } from "../../limits/limit-request";
import { authorize } from "../../rules/rules";
import { addMember } from "../rooms/add-member";
import { countMembers, loadRoomAccess } from "../rooms/queries";
import { acceptInvite } from "./accept-invite";
import { createInvite, revokeInvite } from "./manage-invites";
import { findUsableInvite, listInvites } from "./queries";

const InviteParams = RoomParams.extend({ inviteId: z.string().uuid() });

export function inviteRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post(API.members(":roomId"), { config: { rule: "room.members.add" } }, async (request) => {
    await limitRequest(ctx, "invite", request);
    const { roomId } = parse(RoomParams, request.params);
    const { userId } = parse(AddMemberRequest, request.body);
    // The rule again, now knowing who is added (a banned person cannot be added back).
    const target = await loadRoomAccess(ctx.db, userId, roomId);
    const access = request.authorized?.room ?? null;
    authorize(
      request.actor,
      "room.members.add",
      access && { ...access, target: { userId, role: null, banned: target?.banned } },
    );
    return { member: (await addMember(ctx, roomId, userId)).member };
  });

  app.post(API.invites(":roomId"), { config: { rule: "room.invites.manage" } }, async (request, reply) => {
    await limitRequest(ctx, "invite", request);
    const { roomId } = parse(RoomParams, request.params);
    const input = parse(CreateInviteRequest, request.body ?? {});
    return reply.status(201).send(await createInvite(ctx, authorizedUser(request), roomId, input));
  });

  app.get(API.invites(":roomId"), { config: { rule: "room.invites.manage" } }, async (request) => {
    const { roomId } = parse(RoomParams, request.params);
    return { invites: await listInvites(ctx.db, roomId) };
  });

  app.delete(
    API.invite(":roomId", ":inviteId"),
    { config: { rule: "room.invites.manage" } },
    async (request, reply) => {
      const { roomId, inviteId } = parse(InviteParams, request.params);
      await revokeInvite(ctx, roomId, inviteId);
      return reply.status(204).send();
    },
  );

  app.get(
    API.invitation(":code"),
    { config: { rule: "invite.use" } },
    async (request): Promise<InvitationPreview> => {
      const { invite, alreadyMember } = await resolveInvitation(ctx, request);
      const room = await ctx.db
        .selectFrom("rooms")
        .select(["name", "topic"])
        .where("id", "=", invite.roomId)
        .executeTakeFirstOrThrow();
      return {
        roomId: invite.roomId,
        roomName: room.name,
        topic: room.topic,
        memberCount: await countMembers(ctx.db, invite.roomId),
        alreadyMember,
      };
    },
  );

  app.post(API.acceptInvitation(":code"), { config: { rule: "invite.use" } }, async (request) => {
    // Limited before the code is looked up: accepting is joining, and it also slows guessing.
    await limitRequest(ctx, "join", request);
    const { invite, alreadyMember } = await resolveInvitation(ctx, request);
    return { room: await acceptInvite(ctx, authorizedUser(request), invite, alreadyMember) };
  });
}

/** A usable invite for the code, authorised for this user (a ban still bars), or INVITE_INVALID. */
async function resolveInvitation(ctx: AppContext, request: FastifyRequest) {
  const { code } = parse(InviteCodeParams, request.params);
  const invite = await findUsableInvite(ctx.db, code);
  if (!invite) throw new AppError("INVITE_INVALID", "This invite link is no longer valid");
  const userId = authorizedUser(request);
  const access = await loadRoomAccess(ctx.db, userId, invite.roomId);
  if (!access) throw new AppError("INVITE_INVALID", "This invite link is no longer valid");
  authorize(request.actor, "room.join.invited", { ...access, invited: true });
  return { invite, alreadyMember: access.membership !== null };
}
