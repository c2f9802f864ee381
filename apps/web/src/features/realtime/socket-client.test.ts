import { CLOSE_CODES, type ClientFrame } from "@parley/protocol";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FakeSocket } from "./fake-socket";
import { type ConnectionStatus, SocketClient } from "./socket-client";

const READY = { type: "ready", user: { id: "00000000-0000-4000-8000-00000000000a", displayName: "Alice" } };

function makeClient() {
  const frames: unknown[] = [];
  const statuses: ConnectionStatus[] = [];
  const client = new SocketClient({
    url: () => "ws://localhost/ws",
    onFrame: (frame) => frames.push(frame),
    onStatus: (status) => statuses.push(status),
    createSocket: (url) => new FakeSocket(url),
    random: () => 1,
  });
  return { client, frames, statuses };
}

describe("realtime: SocketClient", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeSocket.instances = [];
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it("is open only after the ready frame, and passes valid frames on", () => {
    const { client, frames, statuses } = makeClient();
    client.start();
    FakeSocket.latest().open();
    expect(statuses).toEqual(["connecting"]);
    FakeSocket.latest().receive(READY);
    expect(statuses).toEqual(["connecting", "open"]);
    expect(frames).toEqual([READY]);
  });

  it("ignores frames that are not JSON or not in the protocol", () => {
    const { client, frames } = makeClient();
    client.start();
    FakeSocket.latest().open();
    FakeSocket.latest().receive("not json {");
    FakeSocket.latest().receive({ type: "message.new", message: { nope: true } });
    FakeSocket.latest().receive({ type: "made.up" });
    expect(frames).toEqual([]);
  });

  it("reconnects with growing delays, and resets them after a ready", () => {
    const { client, statuses } = makeClient();
    client.start();
    FakeSocket.latest().serverClose(1006);
    expect(statuses.at(-1)).toBe("reconnecting");
    expect(FakeSocket.instances).toHaveLength(1);
    vi.advanceTimersByTime(499);
    expect(FakeSocket.instances).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(FakeSocket.instances).toHaveLength(2);

    FakeSocket.latest().serverClose(1006);
    vi.advanceTimersByTime(999);
    expect(FakeSocket.instances).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(FakeSocket.instances).toHaveLength(3);

    FakeSocket.latest().open();
    FakeSocket.latest().receive(READY);
    FakeSocket.latest().serverClose(CLOSE_CODES.SERVER_RESTART);
    vi.advanceTimersByTime(500);
    expect(FakeSocket.instances).toHaveLength(4);
  });

  it("stops for good on 4401 and reports signed-out", () => {
    const { client, statuses } = makeClient();
    client.start();
    FakeSocket.latest().open();
    FakeSocket.latest().serverClose(CLOSE_CODES.UNAUTHENTICATED);
    vi.advanceTimersByTime(60_000);
    expect(FakeSocket.instances).toHaveLength(1);
    expect(statuses.at(-1)).toBe("signed-out");
  });

  it("refuses to send until ready", () => {
    const { client } = makeClient();
    client.start();
    FakeSocket.latest().open();
    const frame: ClientFrame = { type: "sync", cursors: [] };
    expect(client.send(frame)).toBe(false);
    FakeSocket.latest().receive(READY);
    expect(client.send(frame)).toBe(true);
    expect(FakeSocket.latest().sent).toEqual([frame]);
  });

  it("gives up on a socket that never says ready", () => {
    const { client } = makeClient();
    client.start();
    FakeSocket.latest().open();
    vi.advanceTimersByTime(10_000);
    expect(FakeSocket.instances[0]?.closedWith).toBe(4000);
    vi.advanceTimersByTime(500);
    expect(FakeSocket.instances).toHaveLength(2);
  });

  it("does not reconnect after stop, even if the old socket reports a close late", () => {
    const { client, statuses } = makeClient();
    client.start();
    const first = FakeSocket.latest();
    client.stop();
    first.serverClose(1006);
    vi.advanceTimersByTime(60_000);
    expect(FakeSocket.instances).toHaveLength(1);
    expect(statuses.at(-1)).toBe("stopped");
  });
});

describe("realtime: SocketClient and the browser's network state", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeSocket.instances = [];
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("drops a live socket at once when the browser goes offline, then retries", () => {
    const { client, statuses } = makeClient();
    client.start();
    FakeSocket.latest().open();
    FakeSocket.latest().receive(READY);
    expect(client.send({ type: "sync", cursors: [] })).toBe(true);
    client.drop();
    expect(statuses.at(-1)).toBe("reconnecting");
    expect(client.send({ type: "sync", cursors: [] })).toBe(false);
    vi.advanceTimersByTime(500);
    expect(FakeSocket.instances).toHaveLength(2);
  });

  it("back online: connects now and starts the backoff over", () => {
    const { client } = makeClient();
    client.start();
    for (let i = 0; i < 5; i++) {
      FakeSocket.latest().serverClose(1006);
      vi.runOnlyPendingTimers();
    }
    const before = FakeSocket.instances.length;
    FakeSocket.latest().serverClose(1006);
    client.retryNow();
    expect(FakeSocket.instances).toHaveLength(before + 1);
    // The next failure waits the first delay again, not the grown one.
    FakeSocket.latest().serverClose(1006);
    vi.advanceTimersByTime(500);
    expect(FakeSocket.instances).toHaveLength(before + 2);
  });
});
