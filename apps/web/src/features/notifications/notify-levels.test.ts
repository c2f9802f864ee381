import type { Room } from "@parley/protocol";
import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { queryKeys } from "../api/query-keys";
import { setCachedNotifyLevel } from "./notify-level-cache";
import { levelOptions } from "./notify-levels";

function room(id: string, overrides: Partial<Room> = {}): Room {
  return {
    id,
    kind: "channel",
    name: id,
    topic: "",
    description: "",
    visibility: "public",
    archived: false,
    slowModeSeconds: 0,
    readReceipts: "auto",
    avatarUrl: null,
    avatarThumbUrl: null,
    people: [],
    createdAt: "2026-01-10T12:00:00.000Z",
    lastSeq: 0,
    lastActivityAt: null,
    memberCount: 2,
    myRole: "member",
    myMutedUntil: null,
    myNotify: "mentions",
    ...overrides,
  };
}

describe("notify levels", () => {
  it("notify levels: a channel offers all three; a conversation all and mute", () => {
    expect(levelOptions({ kind: "channel", myNotify: "mentions" }).map((o) => o.label)).toEqual([
      "All messages",
      "Mentions only",
      "Mute",
    ]);
    expect(levelOptions({ kind: "dm", myNotify: "all" }).map((o) => o.level)).toEqual(["all", "mute"]);
    expect(levelOptions({ kind: "group", myNotify: "mentions" }).map((o) => o.level)).toEqual([
      "all",
      "mentions",
      "mute",
    ]);
  });

  it("notify levels: a change shows in the room and in the sidebar list at once, and can be undone", () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(queryKeys.room("a"), room("a"));
    queryClient.setQueryData(queryKeys.myRooms, [room("a"), room("b")]);
    const previous = setCachedNotifyLevel(queryClient, "a", "mute");
    expect(previous).toBe("mentions");
    expect(queryClient.getQueryData<Room>(queryKeys.room("a"))?.myNotify).toBe("mute");
    expect(queryClient.getQueryData<Room[]>(queryKeys.myRooms)?.map((r) => r.myNotify)).toEqual([
      "mute",
      "mentions",
    ]);
    setCachedNotifyLevel(queryClient, "a", "mentions");
    expect(queryClient.getQueryData<Room>(queryKeys.room("a"))?.myNotify).toBe("mentions");
  });

  it("notify levels: a room I am not in keeps no level", () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(queryKeys.room("a"), room("a", { myRole: null, myNotify: null }));
    expect(setCachedNotifyLevel(queryClient, "a", "mute")).toBeNull();
    expect(queryClient.getQueryData<Room>(queryKeys.room("a"))?.myNotify).toBeNull();
  });
});
