import {
  API,
  AuditLogResponse,
  type Ban,
  BanListResponse,
  type BanRequest,
  type Member,
  MemberListResponse,
  type RoomRole,
} from "@parley/protocol";
import { queryOptions } from "@tanstack/react-query";
import { apiDeleteEmpty, apiGet, apiPostEmpty, apiPutEmpty } from "../api/api-client";
import { queryKeys } from "../api/query-keys";

export function membersQuery(roomId: string) {
  return queryOptions({
    queryKey: queryKeys.members(roomId),
    queryFn: async (): Promise<Member[]> => (await apiGet(API.members(roomId), MemberListResponse)).members,
  });
}

export function bansQuery(roomId: string) {
  return queryOptions({
    queryKey: queryKeys.bans(roomId),
    queryFn: async (): Promise<Ban[]> => (await apiGet(API.bans(roomId), BanListResponse)).bans,
  });
}

export function auditQuery(roomId: string) {
  return queryOptions({
    queryKey: queryKeys.audit(roomId),
    queryFn: async () => (await apiGet(API.audit(roomId), AuditLogResponse)).entries,
  });
}

/** Every moderation request, by what it does; all answer 204. */
export type ModerationRequest =
  | { kind: "mute"; userId: string; seconds: number }
  | { kind: "unmute"; userId: string }
  | { kind: "role"; userId: string; role: RoomRole }
  | { kind: "kick"; userId: string }
  | { kind: "ban"; userId: string; ban: BanRequest }
  | { kind: "unban"; userId: string };

export function moderate(roomId: string, request: ModerationRequest): Promise<void> {
  const { userId } = request;
  switch (request.kind) {
    case "mute":
      return apiPutEmpty(API.mute(roomId, userId), { durationSeconds: request.seconds });
    case "unmute":
      return apiDeleteEmpty(API.mute(roomId, userId));
    case "role":
      return apiPutEmpty(API.role(roomId, userId), { role: request.role });
    case "kick":
      return apiPostEmpty(API.kick(roomId, userId));
    case "ban":
      return apiPutEmpty(API.ban(roomId, userId), request.ban);
    case "unban":
      return apiDeleteEmpty(API.ban(roomId, userId));
  }
}
