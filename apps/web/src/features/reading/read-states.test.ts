import { type ReadState, SERVER_FRAME } from "@parley/protocol";
import { QueryClient } from "@tanstack/react-query";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ALICE, BOB, fakeDeletion, fakeMessage, ROOM_ID } from "../messages/test-messages";
import { syncReadStates } from "./read-state-sync";
import {
  applyReadState,
  countLiveEntry,
  type ReadStates,
  readStatesQuery,
  readUpTo,
  unreadTotal,
} from "./read-states";

const state = (over: Partial<ReadState> = {}): ReadState => ({
  roomId: ROOM_ID,
  readSeq: 3,
  lastSeq: 5,
  unreadCount: 2,
  mentionCount: 1,
  ...over,
});
const states = (over: Partial<ReadState> = {}): ReadStates => ({ [ROOM_ID]: state(over) });

describe("reading: read states", () => {
  it("counts a live message by someone else once, and never my own or an event", () => {
    let s: ReadStates | undefined = states();
    s = countLiveEntry(s, fakeMessage(6, { author: BOB }), ALICE.id);
    expect(s?.[ROOM_ID]).toMatchObject({ unreadCount: 3, lastSeq: 6 });
    // The same entry again (its replay after a reconnect): not counted twice.
    expect(countLiveEntry(s, fakeMessage(6, { author: BOB }), ALICE.id)).toBe(s);
    s = countLiveEntry(s, fakeMessage(7, { author: ALICE }), ALICE.id);
    s = countLiveEntry(s, fakeDeletion(8, fakeMessage(2)), ALICE.id);
    expect(s?.[ROOM_ID]).toMatchObject({ unreadCount: 3, lastSeq: 8 });
  });

  it("reading: a thread reply moves lastSeq but is not room unread", () => {
    const s = countLiveEntry(
      states(),
      fakeMessage(6, { author: BOB, threadRootId: fakeMessage(1).id }),
      ALICE.id,
    );
    expect(s?.[ROOM_ID]).toMatchObject({ unreadCount: 2, lastSeq: 6 });
  });

  it("ignores entries the server had already counted", () => {
    const s = states();
    expect(countLiveEntry(s, fakeMessage(5, { author: BOB }), ALICE.id)).toBe(s);
  });

  it("takes the server's state unless it is older than what we hold", () => {
    const s = states({ readSeq: 6 });
    expect(applyReadState(s, state({ readSeq: 4 }))).toBe(s);
    // Same pointer, but it knew fewer of the room's entries (answered before a live one came).
    expect(applyReadState(s, state({ readSeq: 6, lastSeq: 4, unreadCount: 0 }))).toBe(s);
    expect(applyReadState(s, state({ readSeq: 9, unreadCount: 0 }))?.[ROOM_ID]).toMatchObject({
      readSeq: 9,
      unreadCount: 0,
    });
  });

  it("reading to the newest entry clears the counts at once; part of the way waits for the server", () => {
    expect(readUpTo(states(), ROOM_ID, 5)?.[ROOM_ID]).toMatchObject({
      readSeq: 5,
      unreadCount: 0,
      mentionCount: 0,
    });
    expect(readUpTo(states(), ROOM_ID, 4)?.[ROOM_ID]).toMatchObject({ readSeq: 4, unreadCount: 2 });
    const s = states();
    expect(readUpTo(s, ROOM_ID, 2)).toBe(s);
  });

  it("totals the unread messages of every room", () => {
    expect(unreadTotal({ ...states(), other: state({ roomId: "other", unreadCount: 4 }) })).toBe(6);
    expect(unreadTotal(undefined)).toBe(0);
  });
});

describe("reading: read states fetched while messages arrive", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("a message that arrives while the counts are being fetched is counted on top of the answer", async () => {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const onFrame = syncReadStates(queryClient, ALICE.id);
    // The server counted the room when it had 5 entries; the answer is still on its way.
    let answer!: (response: Response) => void;
    vi.stubGlobal(
      "fetch",
      vi.fn(
        () =>
          new Promise<Response>((resolve) => {
            answer = resolve;
          }),
      ),
    );
    const fetched = queryClient.fetchQuery(readStatesQuery);
    await vi.waitFor(() => expect(answer).toBeTypeOf("function"));
    // Meanwhile entry 6 (Bob's) and 7 (mine) arrive on the socket: nothing cached to count on yet.
    onFrame({ type: SERVER_FRAME.MESSAGE, message: fakeMessage(6, { author: BOB }) });
    onFrame({ type: SERVER_FRAME.MESSAGE, message: fakeMessage(7, { author: ALICE }) });
    answer(new Response(JSON.stringify({ reads: [state()] }), { status: 200 }));
    await fetched;
    expect(queryClient.getQueryData<ReadStates>(readStatesQuery.queryKey)?.[ROOM_ID]).toMatchObject({
      lastSeq: 7,
      unreadCount: 3,
    });

    // A later fetch whose snapshot already has them does not count them again.
    onFrame({ type: SERVER_FRAME.MESSAGE, message: fakeMessage(8, { author: BOB }) });
    const refetched = queryClient.fetchQuery({ ...readStatesQuery, staleTime: 0 });
    await vi.waitFor(() => expect(vi.mocked(fetch)).toHaveBeenCalledTimes(2));
    onFrame({ type: SERVER_FRAME.MESSAGE, message: fakeMessage(9, { author: BOB }) });
    answer(new Response(JSON.stringify({ reads: [state({ lastSeq: 9, unreadCount: 5 })] }), { status: 200 }));
    await refetched;
    expect(queryClient.getQueryData<ReadStates>(readStatesQuery.queryKey)?.[ROOM_ID]).toMatchObject({
      lastSeq: 9,
      unreadCount: 5,
    });
  });
});
