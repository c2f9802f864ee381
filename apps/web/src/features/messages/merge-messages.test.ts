import type { Message } from "@parley/protocol";
import { describe, expect, it } from "vitest";
import { mergeMessages } from "./merge-messages";
import { fakeMessage } from "./test-messages";

const seqs = (messages: readonly Message[]) => messages.map((m) => m.seq);

describe("messages: mergeMessages", () => {
  it("appends newer messages in order", () => {
    const merged = mergeMessages([fakeMessage(1), fakeMessage(2)], [fakeMessage(3), fakeMessage(4)]);
    expect(seqs(merged)).toEqual([1, 2, 3, 4]);
  });

  it("prepends an older page", () => {
    const merged = mergeMessages([fakeMessage(51), fakeMessage(52)], [fakeMessage(49), fakeMessage(50)]);
    expect(seqs(merged)).toEqual([49, 50, 51, 52]);
  });

  it("drops duplicates by seq", () => {
    const merged = mergeMessages([fakeMessage(1), fakeMessage(2)], [fakeMessage(2), fakeMessage(3)]);
    expect(seqs(merged)).toEqual([1, 2, 3]);
  });

  it("sorts out-of-order input", () => {
    const merged = mergeMessages([fakeMessage(5)], [fakeMessage(9), fakeMessage(2), fakeMessage(7)]);
    expect(seqs(merged)).toEqual([2, 5, 7, 9]);
  });

  it("lets the incoming copy of a seq win when it differs", () => {
    const edited = { ...fakeMessage(2), body: "edited" };
    const merged = mergeMessages([fakeMessage(1), fakeMessage(2)], [edited]);
    expect(merged[1]?.body).toBe("edited");
  });

  it("returns the same array when nothing is new", () => {
    const existing = [fakeMessage(1), fakeMessage(2)];
    expect(mergeMessages(existing, [fakeMessage(2)])).toBe(existing);
    expect(mergeMessages(existing, [])).toBe(existing);
  });

  it("merges into an empty list", () => {
    expect(seqs(mergeMessages([], [fakeMessage(3), fakeMessage(1)]))).toEqual([1, 3]);
  });
});
