import type { ClientFrame, ServerFrame } from "@parley/protocol";
import { describe, expect, it } from "vitest";
import type { FrameChannel } from "./frame-channel";
import { PresenceStore } from "./presence-store";

const ANA = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";
const BEN = "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb";

function setUp() {
  const listeners = new Set<(frame: ServerFrame) => void>();
  const sent: ClientFrame[] = [];
  const socket = { open: true };
  const channel: FrameChannel = {
    subscribeFrames: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    sendFrame: (frame) => {
      if (socket.open) sent.push(frame);
      return socket.open;
    },
    subscribeStatus: () => () => undefined,
    getStatus: () => "open",
  };
  // The store's "after this turn" runs when the test says.
  let deferred: (() => void)[] = [];
  const store = new PresenceStore(channel, (run) => deferred.push(run));
  return {
    store,
    sent,
    socket,
    endTurn: () => {
      const runs = deferred;
      deferred = [];
      for (const run of runs) run();
    },
    push: (frame: ServerFrame) => {
      for (const l of listeners) l(frame);
    },
  };
}

const watches = (sent: ClientFrame[]) =>
  sent.filter((f) => f.type === "presence.watch").map((f) => (f.type === "presence.watch" ? f.userIds : []));

describe("presence: the store", () => {
  it("presence: everyone watched in one turn goes out as one watch frame, each person once", () => {
    const { store, sent, endTurn } = setUp();
    store.watch(ANA);
    store.watch(BEN);
    store.watch(ANA); // a second component showing Ana
    endTurn();
    expect(watches(sent)).toEqual([[ANA, BEN]]);
  });

  it("presence: a person stays watched until the last component showing them lets go", () => {
    const { store, sent, endTurn } = setUp();
    const first = store.watch(ANA);
    const second = store.watch(ANA);
    endTurn();
    first();
    endTurn();
    expect(watches(sent)).toEqual([[ANA]]);
    second();
    endTurn();
    expect(watches(sent)).toEqual([[ANA], []]);
  });

  it("presence: keeps what the server says about watched people, and forgets the unwatched", () => {
    const { store, endTurn, push } = setUp();
    const stop = store.watch(ANA);
    endTurn();
    push({ type: "presence", userId: ANA, status: "online", lastSeenAt: null });
    push({ type: "presence", userId: BEN, status: "online", lastSeenAt: null });
    expect(store.get(ANA)?.status).toBe("online");
    expect(store.get(BEN)).toBeUndefined();
    stop();
    endTurn();
    expect(store.get(ANA)).toBeUndefined();
  });

  it("presence: a remount within one turn keeps the known status and asks for nothing", () => {
    const { store, sent, endTurn, push } = setUp();
    const stop = store.watch(ANA);
    endTurn();
    push({ type: "presence", userId: ANA, status: "away", lastSeenAt: null });
    stop();
    store.watch(ANA);
    endTurn();
    expect(store.get(ANA)?.status).toBe("away");
    expect(watches(sent)).toEqual([[ANA]]);
  });

  it("presence: after a reconnect the watch list and an idle state are sent again", () => {
    const { store, sent, socket, endTurn, push } = setUp();
    store.watch(ANA);
    endTurn();
    socket.open = false;
    store.setOwnState("idle");
    store.setOwnState("idle");
    socket.open = true;
    push({ type: "ready", user: { id: BEN, displayName: "Ben" } });
    expect(sent).toEqual([
      { type: "presence.watch", userIds: [ANA] },
      { type: "presence", state: "idle" },
      { type: "presence.watch", userIds: [ANA] },
    ]);
    store.setOwnState("active");
    expect(sent.at(-1)).toEqual({ type: "presence", state: "active" });
  });
});
