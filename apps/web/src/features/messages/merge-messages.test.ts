import type { Message } from "@parley/protocol";
import { describe, expect, it } from "vitest";
import { mergeMessages } from "./merge-messages";
import { ALICE, BOB, fakeDeletion, fakeEdit, fakeMessage, fakeReaction } from "./test-messages";

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

  it("applies a deletion entry to its target, as deleted by the author", () => {
    const target = fakeMessage(1);
    const merged = mergeMessages([target, fakeMessage(2)], [fakeDeletion(3, target)]);
    expect(merged.map((m) => [m.seq, m.kind, m.body, m.deleted])).toEqual([
      [1, "message", "", "author"],
      [2, "message", "message 2", null],
      [3, "deletion", "", null],
    ]);
  });

  it("marks a message removed by someone else as removed by a moderator", () => {
    const target = fakeMessage(1);
    const merged = mergeMessages([target], [fakeDeletion(2, target, BOB)]);
    expect(merged[0]?.deleted).toBe("moderator");
  });

  it("applies a deletion that arrives in the same page as its target", () => {
    const target = fakeMessage(5);
    const merged = mergeMessages([], [target, fakeDeletion(6, target)]);
    expect(merged[0]).toMatchObject({ body: "", deleted: "author" });
  });

  it("never brings a deleted message back from a page fetched before the deletion", () => {
    const target = fakeMessage(1);
    const afterDeletion = mergeMessages([target], [fakeDeletion(2, target)]);
    const stalePage = [fakeMessage(1)];
    const merged = mergeMessages(afterDeletion, stalePage);
    expect(merged).toBe(afterDeletion);
    expect(merged[0]?.deleted).toBe("author");
  });

  it("ignores a deletion whose target is not loaded (the server sends it deleted later)", () => {
    const existing = [fakeMessage(10)];
    const merged = mergeMessages(existing, [fakeDeletion(11, fakeMessage(3))]);
    expect(merged.map((m) => m.seq)).toEqual([10, 11]);
  });

  it("applies an edit entry to its target: the new text, marked edited at the edit's time", () => {
    const target = fakeMessage(1);
    const edit = fakeEdit(2, target, "better words");
    const merged = mergeMessages([target], [edit]);
    expect(merged[0]).toMatchObject({ body: "better words", editedAt: edit.createdAt });
    // Replayed (a resume, a gap fill): nothing changes.
    expect(mergeMessages(merged, [edit])).toBe(merged);
  });

  it("never reverts an edited message to an older text from a page fetched before the edit", () => {
    const target = fakeMessage(1);
    const afterEdit = mergeMessages([target], [fakeEdit(2, target, "v2")]);
    expect(mergeMessages(afterEdit, [fakeMessage(1)])).toBe(afterEdit);
    // A later edit still applies, and an older one replayed after it does not.
    const later = mergeMessages(afterEdit, [fakeEdit(3, target, "v3")]);
    expect(later[0]?.body).toBe("v3");
    expect(mergeMessages(later, [fakeEdit(2, target, "v2")])[0]?.body).toBe("v3");
  });

  it("does not edit a deleted message", () => {
    const target = fakeMessage(1);
    const afterDeletion = mergeMessages([target], [fakeDeletion(2, target)]);
    expect(mergeMessages(afterDeletion, [fakeEdit(3, target, "ghost")])[0]).toMatchObject({ body: "" });
  });

  it("applies reactions and their taking back, once each, in log order", () => {
    const target = fakeMessage(1);
    let merged = mergeMessages(
      [target],
      [fakeReaction(2, target, "👍"), fakeReaction(3, target, "🎉", ALICE)],
    );
    expect(merged[0]?.reactions).toEqual([
      { emoji: "👍", userIds: [BOB.id] },
      { emoji: "🎉", userIds: [ALICE.id] },
    ]);
    // Replayed: nothing doubles.
    expect(mergeMessages(merged, [fakeReaction(2, target, "👍")])).toBe(merged);
    merged = mergeMessages(merged, [fakeReaction(4, target, "👍", BOB, false)]);
    expect(merged[0]?.reactions).toEqual([{ emoji: "🎉", userIds: [ALICE.id] }]);
    expect(merged[0]?.eventSeq).toBe(4);
  });

  it("keeps the newer copy of a message: one fetched before its latest event does not replace it", () => {
    const target = fakeMessage(1);
    const reacted = mergeMessages([target], [fakeReaction(2, target, "👍")]);
    expect(mergeMessages(reacted, [{ ...target, eventSeq: 0, reactions: [] }])).toBe(reacted);
    // A copy that already holds the event (fetched after it) is newer or equal, and the event is not applied twice.
    const fresh = { ...target, eventSeq: 2, reactions: [{ emoji: "👍", userIds: [BOB.id] }] };
    const merged = mergeMessages([fresh], [fakeReaction(2, target, "👍")]);
    expect(merged.find((m) => m.seq === 1)?.reactions).toEqual([{ emoji: "👍", userIds: [BOB.id] }]);
  });
});
