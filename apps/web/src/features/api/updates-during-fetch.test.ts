import { describe, expect, it } from "vitest";
import { UpdatesDuringFetch } from "./updates-during-fetch";

/** A fetch whose answer the test hands over when it likes. */
function pending<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { load: () => promise, resolve };
}

const append =
  (item: string) =>
  (list: string[]): string[] =>
    list.includes(item) ? list : [...list, item];

describe("api: updates made during a fetch", () => {
  it("replays onto the answer, in order, the updates made while the fetch ran", async () => {
    const updates = new UpdatesDuringFetch<string[]>();
    updates.record(append("before"));
    const answer = pending<string[]>();
    const fetched = updates.fetch(answer.load);
    updates.record(append("during 1"));
    updates.record(append("during 2"));
    answer.resolve(["snapshot"]);
    await expect(fetched).resolves.toEqual(["snapshot", "during 1", "during 2"]);
    // Once no fetch runs, nothing is kept for the next one.
    updates.record(append("after"));
    await expect(updates.fetch(async () => ["next"])).resolves.toEqual(["next"]);
  });

  it("each of two overlapping fetches gets what was made after it started", async () => {
    const updates = new UpdatesDuringFetch<string[]>();
    const first = pending<string[]>();
    const second = pending<string[]>();
    const one = updates.fetch(first.load);
    updates.record(append("a"));
    const two = updates.fetch(second.load);
    updates.record(append("b"));
    second.resolve([]);
    await expect(two).resolves.toEqual(["b"]);
    updates.record(append("c"));
    first.resolve([]);
    await expect(one).resolves.toEqual(["a", "b", "c"]);
  });

  it("a failed fetch forgets its updates and fails as it did", async () => {
    const updates = new UpdatesDuringFetch<string[]>();
    const failing = updates.fetch(async () => {
      throw new Error("offline");
    });
    updates.record(append("during"));
    await expect(failing).rejects.toThrow("offline");
    await expect(updates.fetch(async () => [])).resolves.toEqual([]);
  });
});
