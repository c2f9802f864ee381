import { API, BanRequest, MemberParams, MuteRequest, RoleChangeRequest, RoomParams } from "@parley/protocol";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../context";
import { parse } from "../../http/parse";
import { authorizedUser } from "../../http/route-rules";
import { authorize } from "../../rules/rules";
import { banMember, unbanMember } from "./ban-member";
import { changeRole } from "./change-role";
import { kickMember } from "./kick-member";
import { muteMember } from "./mute-member";
import { listAudit, listBans, listMembers } from "./queries";

// The routes' rules decide who may act on whom (see rules.ts: room.kick, room.ban, …); the
// handlers only parse input and call the action.
export function moderationRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(API.members(":roomId"), { config: { rule: "room.members.list" } }, async (request) => {
    const { roomId } = parse(RoomParams, request.params);
    return { members: await listMembers(ctx.db, roomId) };
  });

  app.post(API.kick(":roomId", ":userId"), { config: { rule: "room.kick" } }, async (request, reply) => {
    const { roomId, userId } = parse(MemberParams, request.params);
    await kickMember(ctx, authorizedUser(request), roomId, userId);
    return reply.status(204).send();
  });

  app.put(API.mute(":roomId", ":userId"), { config: { rule: "room.mute" } }, async (request, reply) => {
    const { roomId, userId } = parse(MemberParams, request.params);
    const { durationSeconds } = parse(MuteRequest, request.body);
    await muteMember(ctx, authorizedUser(request), roomId, userId, durationSeconds);
    return reply.status(204).send();
  });

  app.delete(API.mute(":roomId", ":userId"), { config: { rule: "room.mute" } }, async (request, reply) => {
    const { roomId, userId } = parse(MemberParams, request.params);
    await muteMember(ctx, authorizedUser(request), roomId, userId, null);
    return reply.status(204).send();
  });

  app.put(
    API.role(":roomId", ":userId"),
    { config: { rule: "room.role.change" } },
    async (request, reply) => {
      const { roomId, userId } = parse(MemberParams, request.params);
      const { role } = parse(RoleChangeRequest, request.body);
      // The new role must also be below the actor's own: the same rule, on the role to give.
      const access = request.authorized?.room ?? null;
      authorize(request.actor, "room.role.change", access && { ...access, target: { userId, role } });
      await changeRole(ctx, authorizedUser(request), roomId, userId, role);
      return reply.status(204).send();
    },
  );

  app.get(API.bans(":roomId"), { config: { rule: "room.bans.list" } }, async (request) => {
    const { roomId } = parse(RoomParams, request.params);
    return { bans: await listBans(ctx.db, roomId) };
  });

  app.put(API.ban(":roomId", ":userId"), { config: { rule: "room.ban" } }, async (request, reply) => {
    const { roomId, userId } = parse(MemberParams, request.params);
    const input = parse(BanRequest, request.body ?? {});
    await banMember(ctx, authorizedUser(request), roomId, userId, input);
    return reply.status(204).send();
  });

  app.delete(API.ban(":roomId", ":userId"), { config: { rule: "room.unban" } }, async (request, reply) => {
    const { roomId, userId } = parse(MemberParams, request.params);
    await unbanMember(ctx, authorizedUser(request), roomId, userId);
    return reply.status(204).send();
  });

  app.get(API.audit(":roomId"), { config: { rule: "room.audit.read" } }, async (request) => {
    const { roomId } = parse(RoomParams, request.params);
    return { entries: await listAudit(ctx.db, roomId) };
  });
}
