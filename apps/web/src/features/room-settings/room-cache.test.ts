import type { Room } from "@parley/protocol";
import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { queryKeys } from "../api/query-keys";
import { applyRoomChanges, forgetDeletedRoom, storeUpdatedRoom } from "./room-cache";

function room(id: string, name: string): Room {
  return {
    id,
    kind: "channel",
    name,
    topic: "",
    description: "",
    visibility: "public",
    archived: false,
    slowModeSeconds: 0,
    readReceipts: "auto",
    avatarUrl: null,
    avatarThumbUrl: null,
    people: [],
    createdAt: "2026-11-24T10:00:00.000Z",
    lastSeq: 0,
    lastActivityAt: null,
    memberCount: 2,
    myRole: "owner",
    myMutedUntil: null,
    myNotify: "mentions",
  };
}

const A = "00000000-0000-4000-8000-00000000000a";
const B = "00000000-0000-4000-8000-00000000000b";
const searchKey = [...queryKeys.publicRooms, "gen"];

function seeded(): QueryClient {
  const queryClient = new QueryClient();
  queryClient.setQueryData(queryKeys.room(A), room(A, "general"));
  queryClient.setQueryData(queryKeys.myRooms, [room(A, "general"), room(B, "random")]);
  queryClient.setQueryData(searchKey, [room(A, "general")]);
  return queryClient;
}

describe("room settings: the caches after a change", () => {
  it("room settings: the saved room replaces every cached copy, search results included", () => {
    const queryClient = seeded();
    storeUpdatedRoom(queryClient, { ...room(A, "lobby"), slowModeSeconds: 30 });
    expect(queryClient.getQueryData<Room>(queryKeys.room(A))?.name).toBe("lobby");
    expect(queryClient.getQueryData<Room[]>(queryKeys.myRooms)?.map((r) => r.name)).toEqual([
      "lobby",
      "random",
    ]);
    expect(queryClient.getQueryData<Room[]>(searchKey)?.[0]?.slowModeSeconds).toBe(30);
    // And the lists are marked for a refetch (order, search matches).
    expect(queryClient.getQueryState(queryKeys.myRooms)?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(searchKey)?.isInvalidated).toBe(true);
  });

  it("room settings: a deleted room leaves the lists at once", () => {
    const queryClient = seeded();
    forgetDeletedRoom(queryClient, A);
    expect(queryClient.getQueryData<Room[]>(queryKeys.myRooms)?.map((r) => r.id)).toEqual([B]);
    expect(queryClient.getQueryData<Room[]>(searchKey)).toEqual([]);
  });

  it("room settings: a room.updated frame patches every copy, like a fresh fetch would read", () => {
    const queryClient = seeded();
    applyRoomChanges(queryClient, A, { archived: true, slowModeSeconds: 10, topic: undefined });
    const fresh = { ...room(A, "general"), archived: true, slowModeSeconds: 10 };
    expect(queryClient.getQueryData<Room>(queryKeys.room(A))).toEqual(fresh);
    expect(queryClient.getQueryData<Room[]>(queryKeys.myRooms)).toEqual([fresh, room(B, "random")]);
    expect(queryClient.getQueryData<Room[]>(searchKey)).toEqual([fresh]);
    // No rename: the lists' order cannot have changed, so no refetch.
    expect(queryClient.getQueryState(queryKeys.myRooms)?.isInvalidated).toBe(false);

    applyRoomChanges(queryClient, A, { name: "lobby" });
    expect(queryClient.getQueryData<Room>(queryKeys.room(A))?.name).toBe("lobby");
    expect(queryClient.getQueryState(queryKeys.myRooms)?.isInvalidated).toBe(true);
  });

  it("room settings: a frame about a room not in the cache changes nothing", () => {
    const queryClient = seeded();
    applyRoomChanges(queryClient, "00000000-0000-4000-8000-0000000000ff", { name: "ghost" });
    expect(queryClient.getQueryData(queryKeys.room("00000000-0000-4000-8000-0000000000ff"))).toBeUndefined();
    expect(queryClient.getQueryData<Room[]>(queryKeys.myRooms)?.map((r) => r.name)).toEqual([
      "general",
      "random",
    ]);
  });
});
