import {
  AdminJobsResponse,
  type AdminPushDevice,
  AdminPushDevicesResponse,
  AdminUser,
  API,
  type Room,
  RoomListResponse,
} from "@parley/protocol";
import { queryOptions } from "@tanstack/react-query";
import { apiGet, apiPostEmpty, type Parser } from "../api/api-client";

/** Server administration lists: under their own prefix, apart from the user's own rooms. */
export const adminKeys = {
  all: ["admin"] as const,
  users: ["admin", "users"] as const,
  rooms: ["admin", "rooms"] as const,
  jobs: ["admin", "jobs"] as const,
  pushDevices: ["admin", "push-devices"] as const,
};

const AdminUserList = AdminUser.array();

/** GET /api/admin/users answers `{ users: AdminUser[] }` (no response schema in the protocol yet). */
const AdminUsersResponse: Parser<AdminUser[]> = {
  parse: (data) => AdminUserList.parse((data as { users?: unknown } | null)?.users),
};

export const adminUsersQuery = queryOptions({
  queryKey: adminKeys.users,
  queryFn: (): Promise<AdminUser[]> => apiGet(API.adminUsers, AdminUsersResponse),
});

export const adminRoomsQuery = queryOptions({
  queryKey: adminKeys.rooms,
  queryFn: async (): Promise<Room[]> => (await apiGet(API.adminRooms, RoomListResponse)).rooms,
});

/** Irreversible: the account's sessions end, its sockets close, it can never sign in again. */
export function deactivateUser(userId: string): Promise<void> {
  return apiPostEmpty(API.adminDeactivate(userId));
}

export const adminJobsQuery = queryOptions({
  queryKey: adminKeys.jobs,
  queryFn: (): Promise<AdminJobsResponse> => apiGet(API.adminJobs, AdminJobsResponse),
  // The queue moves on its own: keep the counts roughly current while the page is open.
  refetchInterval: 10_000,
});

/** Puts a parked job back in the queue with fresh attempts. */
export function retryJob(jobId: string): Promise<void> {
  return apiPostEmpty(API.adminRetryJob(jobId));
}

export const adminPushDevicesQuery = queryOptions({
  queryKey: adminKeys.pushDevices,
  queryFn: async (): Promise<AdminPushDevice[]> =>
    (await apiGet(API.adminPushDevices, AdminPushDevicesResponse)).devices,
});
