import { PROFILES_MAX_IDS, type Profile } from "@parley/protocol";
import { describe, expect, it } from "vitest";
import { ProfileBatcher } from "./profile-batcher";

const profile = (id: string): Profile => ({
  id,
  displayName: `name ${id}`,
  statusText: "",
  avatarUrl: null,
  avatarThumbUrl: null,
});

/** A batcher whose "next tick" the test decides, with every request it made. */
function setup(known: (id: string) => boolean = () => true) {
  const requests: string[][] = [];
  let tick: (() => void) | null = null;
  const batcher = new ProfileBatcher(
    async (ids) => {
      requests.push(ids);
      return ids.filter(known).map(profile);
    },
    (run) => {
      tick = run;
    },
  );
  const nextTick = () => {
    const run = tick;
    tick = null;
    run?.();
  };
  return { batcher, requests, nextTick };
}

describe("profile batching", () => {
  it("profiles: ids asked for in the same tick go out as one request, each id once", async () => {
    const { batcher, requests, nextTick } = setup();
    const loads = ["a", "b", "a", "c"].map((id) => batcher.load(id));
    expect(requests).toEqual([]);
    nextTick();
    const results = await Promise.all(loads);
    expect(requests).toEqual([["a", "b", "c"]]);
    expect(results.map((p) => p?.id)).toEqual(["a", "b", "a", "c"]);
  });

  it("profiles: a later tick makes a new request", async () => {
    const { batcher, requests, nextTick } = setup();
    const first = batcher.load("a");
    nextTick();
    await first;
    const second = batcher.load("b");
    nextTick();
    await second;
    expect(requests).toEqual([["a"], ["b"]]);
  });

  it("profiles: more ids than one request may name are split into chunks", async () => {
    const { batcher, requests, nextTick } = setup();
    const ids = Array.from({ length: PROFILES_MAX_IDS * 2 + 1 }, (_, i) => `u${i}`);
    const loads = ids.map((id) => batcher.load(id));
    nextTick();
    await Promise.all(loads);
    expect(requests.map((r) => r.length)).toEqual([PROFILES_MAX_IDS, PROFILES_MAX_IDS, 1]);
  });

  it("profiles: an unknown id resolves to null; a failed request fails its callers", async () => {
    const { batcher, nextTick } = setup((id) => id !== "gone");
    const gone = batcher.load("gone");
    nextTick();
    expect(await gone).toBeNull();

    const failing = new ProfileBatcher(
      () => Promise.reject(new Error("offline")),
      (run) => run(),
    );
    await expect(failing.load("x")).rejects.toThrow("offline");
  });
});
