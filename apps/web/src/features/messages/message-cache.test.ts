import { QueryClient } from "@tanstack/react-query";
import { afterEach, describe, expect, it, vi } from "vitest";
import { queryKeys } from "../api/query-keys";
import { fillGaps, loadOlderMessages, type MessagesCache, syncCursors } from "./message-cache";
import { fakeMessage, ROOM_ID } from "./test-messages";

const OTHER_ROOM = "00000000-0000-4000-8000-000000000002";

function clientWith(cache: MessagesCache, roomId = ROOM_ID) {
  const queryClient = new QueryClient();
  queryClient.setQueryData(queryKeys.messages(roomId), cache);
  return queryClient;
}

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => fakeMessage(from + i));
const seqs = (queryClient: QueryClient) =>
  queryClient.getQueryData<MessagesCache>(queryKeys.messages(ROOM_ID))?.messages.map((m) => m.seq);

function answer(...pages: unknown[]) {
  const fetchMock = vi.fn();
  for (const page of pages) fetchMock.mockResolvedValueOnce(new Response(JSON.stringify(page)));
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

describe("messages: message cache", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("loads the page before the oldest message and merges it", async () => {
    const fetchMock = answer({ messages: range(1, 50), hasMore: false });
    const queryClient = clientWith({ messages: range(51, 100), hasOlder: true });
    await loadOlderMessages(queryClient, ROOM_ID);
    expect(String(fetchMock.mock.calls[0]?.[0])).toBe(`/api/rooms/${ROOM_ID}/messages?before=51&limit=50`);
    expect(seqs(queryClient)).toEqual(range(1, 100).map((m) => m.seq));
    expect(queryClient.getQueryData<MessagesCache>(queryKeys.messages(ROOM_ID))?.hasOlder).toBe(false);
  });

  it("drops an older page if the cache was replaced while it loaded", async () => {
    const queryClient = clientWith({ messages: range(51, 100), hasOlder: true });
    vi.stubGlobal("fetch", async () => {
      queryClient.setQueryData(queryKeys.messages(ROOM_ID), { messages: range(900, 950), hasOlder: true });
      return new Response(JSON.stringify({ messages: range(1, 50), hasMore: false }));
    });
    await loadOlderMessages(queryClient, ROOM_ID);
    expect(seqs(queryClient)?.[0]).toBe(900);
  });

  it("fills every hole, page by page", async () => {
    const fetchMock = answer(
      { messages: range(3, 4), hasMore: true },
      { messages: range(5, 9), hasMore: false },
    );
    const queryClient = clientWith({
      messages: [fakeMessage(1), fakeMessage(2), fakeMessage(10)],
      hasOlder: false,
    });
    await fillGaps(queryClient, ROOM_ID);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(String(fetchMock.mock.calls[1]?.[0])).toContain("after=4");
    expect(seqs(queryClient)).toEqual(range(1, 10).map((m) => m.seq));
  });

  it("stops on a hole the server cannot fill instead of looping", async () => {
    const fetchMock = answer({ messages: [fakeMessage(10)], hasMore: false });
    const queryClient = clientWith({ messages: [fakeMessage(1), fakeMessage(10)], hasOlder: false });
    await fillGaps(queryClient, ROOM_ID);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it("builds sync cursors from the newest seq of each loaded room", () => {
    const queryClient = clientWith({ messages: range(1, 7), hasOlder: false });
    queryClient.setQueryData(queryKeys.messages(OTHER_ROOM), { messages: [], hasOlder: false });
    expect(syncCursors(queryClient)).toEqual([
      { roomId: ROOM_ID, afterSeq: 7 },
      { roomId: OTHER_ROOM, afterSeq: 0 },
    ]);
  });
});
