import {
  API,
  type CreateInviteRequest,
  CreateInviteResponse,
  InvitationPreview,
  InviteListResponse,
  RoomResponse,
} from "@parley/protocol";
import { queryOptions } from "@tanstack/react-query";
import { apiDeleteEmpty, apiGet, apiPost } from "../api/api-client";
import { queryKeys } from "../api/query-keys";

export function invitesQuery(roomId: string) {
  return queryOptions({
    queryKey: queryKeys.invites(roomId),
    queryFn: async () => (await apiGet(API.invites(roomId), InviteListResponse)).invites,
  });
}

export function invitationQuery(code: string) {
  return queryOptions({
    queryKey: queryKeys.invitation(code),
    queryFn: () => apiGet(API.invitation(code), InvitationPreview),
  });
}

export function createInvite(roomId: string, input: CreateInviteRequest) {
  return apiPost(API.invites(roomId), input, CreateInviteResponse);
}

export function revokeInvite(roomId: string, inviteId: string): Promise<void> {
  return apiDeleteEmpty(API.invite(roomId, inviteId));
}

export async function acceptInvitation(code: string) {
  return (await apiPost(API.acceptInvitation(code), {}, RoomResponse)).room;
}

/** The link to share: the code is a secret, shown only when the invite is made. */
export function inviteUrl(origin: string, code: string): string {
  return `${origin}/invite/${code}`;
}
