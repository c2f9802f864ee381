import { describe, expect, it } from "vitest";
import { createMemoryPresenceTracker } from "./memory-presence-tracker";
import { aggregateStatus } from "./presence-tracker";

function fakeClock() {
  let t = 1_000_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe("presence: aggregation over a person's connections", () => {
  it("presence: online if any connection is active, away if all are idle, offline with none", () => {
    expect(aggregateStatus(["idle", "active"])).toBe("online");
    expect(aggregateStatus(["idle", "idle"])).toBe("away");
    expect(aggregateStatus([])).toBe("offline");
  });

  it("presence: two tabs of one person move online → away → offline, one change at a time", async () => {
    const tracker = createMemoryPresenceTracker({ ttlMs: 40_000 });
    expect(await tracker.set("ana", "tab1", "active")).toEqual({
      userId: "ana",
      from: "offline",
      to: "online",
    });
    // A second tab changes nothing: Ana is already online.
    expect(await tracker.set("ana", "tab2", "active")).toBeNull();
    expect(await tracker.set("ana", "tab1", "idle")).toBeNull();
    expect(await tracker.set("ana", "tab2", "idle")).toEqual({ userId: "ana", from: "online", to: "away" });
    expect(await tracker.remove("ana", "tab1")).toBeNull();
    expect(await tracker.remove("ana", "tab2")).toEqual({ userId: "ana", from: "away", to: "offline" });
    // Removing twice (close after terminate) is harmless.
    expect(await tracker.remove("ana", "tab2")).toBeNull();
  });

  it("presence: statuses answers for everyone asked, unknown people offline", async () => {
    const tracker = createMemoryPresenceTracker({ ttlMs: 40_000 });
    await tracker.set("ana", "t", "active");
    await tracker.set("ben", "t", "idle");
    expect(Object.fromEntries(await tracker.statuses(["ana", "ben", "cleo"]))).toEqual({
      ana: "online",
      ben: "away",
      cleo: "offline",
    });
  });

  it("presence: entries not renewed within the TTL expire (a crashed node), renewed ones stay", async () => {
    const clock = fakeClock();
    const tracker = createMemoryPresenceTracker({ ttlMs: 40_000, now: clock.now });
    await tracker.set("ana", "dead-node-conn", "active");
    await tracker.set("ben", "live-conn", "active");
    clock.advance(30_000);
    expect(await tracker.expire()).toEqual([]);
    // Ben's connection answers its heartbeat; Ana's node is gone and renews nothing.
    await tracker.set("ben", "live-conn", "active");
    clock.advance(15_000);
    expect(await tracker.expire()).toEqual([{ userId: "ana", from: "online", to: "offline" }]);
    expect((await tracker.statuses(["ana", "ben"])).get("ben")).toBe("online");
    expect((await tracker.statuses(["ana"])).get("ana")).toBe("offline");
  });

  it("presence: an expired idle tab beside a live active one changes nothing", async () => {
    const clock = fakeClock();
    const tracker = createMemoryPresenceTracker({ ttlMs: 10_000, now: clock.now });
    await tracker.set("ana", "old", "idle");
    clock.advance(6_000);
    await tracker.set("ana", "new", "active");
    clock.advance(6_000);
    expect(await tracker.expire()).toEqual([]);
    clock.advance(6_000);
    expect(await tracker.expire()).toEqual([{ userId: "ana", from: "online", to: "offline" }]);
  });
});
