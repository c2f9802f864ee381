import { InfiniteQueryObserver, QueryClient } from "@tanstack/react-query";
import { afterEach, describe, expect, it, vi } from "vitest";
import { queryKeys } from "../api/query-keys";
import { type InboxData, inboxEntries, inboxUnreadCount } from "./inbox-cache";
import { inboxQuery } from "./inbox-query";
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

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("inbox: read on another device while the inbox is being fetched: fetched again, so the older answer does not win", async () => {
    const answers: Array<(body: unknown) => void> = [];
    vi.stubGlobal(
      "fetch",
      vi.fn(
        () =>
          new Promise<Response>((resolve) => {
            answers.push((body) => resolve(new Response(JSON.stringify(body), { status: 200 })));
          }),
      ),
    );
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    // The inbox on screen: an observer, as the inbox page's useInfiniteQuery is.
    const unsubscribe = new InfiniteQueryObserver(queryClient, inboxQuery).subscribe(() => {});
    try {
      await vi.waitFor(() => expect(answers).toHaveLength(1));
      const mention = entry("00000000-0000-4000-8000-000000000001", 7, {
        messageId: "00000000-0000-4000-8000-000000000101",
      });
      // Read on the phone while this fetch is on its way; its answer may predate that.
      applyInboxFrame(queryClient, {
        type: "notifications.read",
        read: { ids: [mention.id] },
        unreadCount: 0,
      });
      await vi.waitFor(() => expect(answers).toHaveLength(2));
      answers[0]?.({ notifications: [mention], hasMore: false, unreadCount: 1 });
      answers[1]?.({ notifications: [{ ...mention, read: true }], hasMore: false, unreadCount: 0 });
      await vi.waitFor(() => {
        const now = queryClient.getQueryData<InboxData>(queryKeys.inbox);
        expect(inboxEntries(now).map((n) => n.read)).toEqual([true]);
        expect(inboxUnreadCount(now)).toBe(0);
      });
    } finally {
      unsubscribe();
    }
  });
});
