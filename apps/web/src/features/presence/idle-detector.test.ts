import type { PresenceState } from "@parley/protocol";
import { describe, expect, it } from "vitest";
import { IdleDetector, type IdleEnvironment } from "./idle-detector";

const FIVE_MIN = 5 * 60_000;

function setUp() {
  let now = 0;
  let hidden = false;
  let timers: { at: number; run: () => void }[] = [];
  const handlers = new Map<string, Set<() => void>>();
  const env: IdleEnvironment = {
    now: () => now,
    setTimeout: (run, ms) => {
      const timer = { at: now + ms, run };
      timers.push(timer);
      return timer;
    },
    clearTimeout: (timer) => {
      timers = timers.filter((t) => t !== timer);
    },
    listen: (type, handler) => {
      const set = handlers.get(type) ?? new Set();
      set.add(handler);
      handlers.set(type, set);
      return () => set.delete(handler);
    },
    hidden: () => hidden,
  };
  const changes: PresenceState[] = [];
  const detector = new IdleDetector(env, (state) => changes.push(state), FIVE_MIN);
  const advance = (ms: number) => {
    const until = now + ms;
    for (;;) {
      const next = timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!next) break;
      now = next.at;
      timers = timers.filter((t) => t !== next);
      next.run();
    }
    now = until;
  };
  const fire = (type: string) => {
    for (const h of handlers.get(type) ?? []) h();
  };
  return {
    detector,
    changes,
    advance,
    fire,
    setHidden: (value: boolean) => {
      hidden = value;
      fire("visibilitychange");
    },
    listenerCount: () => [...handlers.values()].reduce((n, s) => n + s.size, 0),
  };
}

describe("presence: idle detection", () => {
  it("presence: idle after 5 min without input; input in between restarts the count", () => {
    const { detector, changes, advance, fire } = setUp();
    detector.start();
    advance(4 * 60_000);
    fire("keydown");
    advance(4 * 60_000);
    expect(changes).toEqual([]);
    advance(60_000);
    expect(changes).toEqual(["idle"]);
    fire("pointermove");
    expect(changes).toEqual(["idle", "active"]);
    expect(detector.current).toBe("active");
  });

  it("presence: a tab hidden for 5 min goes idle, and is active again when shown", () => {
    const { detector, changes, advance, setHidden } = setUp();
    detector.start();
    setHidden(true);
    advance(FIVE_MIN);
    expect(changes).toEqual(["idle"]);
    setHidden(false);
    expect(changes).toEqual(["idle", "active"]);
  });

  it("presence: only transitions are reported; stop removes every listener", () => {
    const { detector, changes, advance, fire, listenerCount } = setUp();
    detector.start();
    for (let i = 0; i < 50; i++) fire("pointermove");
    advance(FIVE_MIN);
    advance(FIVE_MIN);
    expect(changes).toEqual(["idle"]);
    detector.stop();
    expect(listenerCount()).toBe(0);
  });
});
