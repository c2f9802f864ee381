import { describe, expect, it, vi } from "vitest";
import { FakeOutboxStorage } from "./fake-outbox-backend";
import { enqueue, fail, markSending, retry, settle } from "./outbox";
import { toRecord } from "./outbox-records";
import { OutboxStore } from "./outbox-store";

const ME = "user-me";
const T = (second: number) => new Date(Date.UTC(2026, 0, 1, 12, 0, second)).toISOString();
const typed = (clientId: string, second: number) => (s: Parameters<typeof enqueue>[0]) =>
  enqueue(s, { clientId, roomId: "room-a", body: clientId, createdAt: T(second) });
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

async function tab(storage: FakeOutboxStorage) {
  const store = new OutboxStore(ME, storage.backend());
  const ready = vi.fn();
  store.start(ready);
  await flush();
  expect(ready).toHaveBeenCalled();
  return store;
}

describe("messages: OutboxStore with storage and other tabs", () => {
  it("writes every change through, and a reload restores the unsent entries in order", async () => {
    const storage = new FakeOutboxStorage();
    const first = await tab(storage);
    first.apply(typed("a1", 1));
    first.apply(typed("a2", 2));
    first.apply(typed("a3", 3));
    first.apply((s) => markSending(s, "a1"));
    first.apply((s) => settle(s, "a1"));
    first.apply((s) => fail(s, "a3", "Join the room to post in it"));
    expect([...storage.records.keys()]).toEqual(["a2", "a3"]);

    const reloaded = await tab(storage);
    expect(reloaded.getSnapshot().map((e) => [e.clientId, e.status, e.error])).toEqual([
      ["a2", "queued", null],
      ["a3", "failed", "Join the room to post in it"],
    ]);
  });

  it("is not ready until restored; without storage it is ready at once", async () => {
    const storage = new FakeOutboxStorage();
    const store = new OutboxStore(ME, storage.backend());
    expect(store.ready).toBe(false);
    store.start(() => undefined);
    await flush();
    expect(store.ready).toBe(true);
    expect(new OutboxStore(ME).ready).toBe(true);
  });

  it("shows the same pending and failed entries in two tabs", async () => {
    const storage = new FakeOutboxStorage();
    const one = await tab(storage);
    const two = await tab(storage);
    one.apply(typed("a1", 1));
    one.apply(typed("a2", 2));
    await flush();
    expect(two.getSnapshot().map((e) => e.clientId)).toEqual(["a1", "a2"]);

    one.apply((s) => fail(markSending(s, "a1"), "a1", "nope"));
    await flush();
    expect(two.getSnapshot()[0]).toMatchObject({ status: "failed", error: "nope" });

    two.apply((s) => retry(s, "a1"));
    await flush();
    expect(one.getSnapshot()[0]).toMatchObject({ status: "queued", error: null });

    // Either tab seeing the message stored settles it everywhere.
    two.apply((s) => settle(s, "a2"));
    await flush();
    expect(one.getSnapshot().map((e) => e.clientId)).toEqual(["a1"]);
  });

  it("never brings back an entry removed while another tab's restore was under way", async () => {
    const storage = new FakeOutboxStorage();
    storage.records.set(
      "a1",
      toRecord(
        { clientId: "a1", roomId: "room-a", body: "x", createdAt: T(1), status: "queued", error: null },
        ME,
      ),
    );
    const one = await tab(storage);
    // Tab two starts loading (the snapshot still holds a1) while tab one settles a1.
    const two = new OutboxStore(ME, storage.backend());
    two.start(() => undefined);
    one.apply((s) => settle(s, "a1"));
    await flush();
    await flush();
    expect(two.getSnapshot()).toEqual([]);
  });
});
