import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { queryKeys } from "../api/query-keys";
import { type InboxData, inboxEntries, inboxUnreadCount } from "./inbox-cache";
import { entry, inbox } from "./test-notifications";
import { applyInboxFrame } from "./use-inbox-sync";

function held(data: InboxData) {
  const queryClient = new QueryClient();
  queryClient.setQueryData(queryKeys.inbox, data);
  return { queryClient, now: () => queryClient.getQueryData<InboxData>(queryKeys.inbox) };
}

describe("inbox sync", () => {
  it("inbox: entries marked read on another device are read here, with the server's count", () => {
    const { queryClient, now } = held(inbox([[entry("b", 2), entry("a", 1)]], 5, true));
    applyInboxFrame(queryClient, { type: "notifications.read", read: { ids: ["b"] }, unreadCount: 4 });
    expect(inboxEntries(now()).map((n) => [n.id, n.read])).toEqual([
      ["b", true],
      ["a", false],
    ]);
    expect(inboxUnreadCount(now())).toBe(4);
  });

  it("inbox: all marked read on another device clears every entry and the badge", () => {
    const { queryClient, now } = held(inbox([[entry("b", 2)], [entry("a", 1)]], 2));
    applyInboxFrame(queryClient, { type: "notifications.read", read: { all: true }, unreadCount: 0 });
    expect(inboxEntries(now()).every((n) => n.read)).toBe(true);
    expect(inboxUnreadCount(now())).toBe(0);
  });
});
