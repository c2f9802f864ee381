import { EXCERPT_LENGTH } from "@parley/protocol";
import { describe, expect, it } from "vitest";
import { entryExcerpt, entryHeadline, messageHeadline, messageHref, plainExcerpt } from "./notification-text";
import { ANA, BEN, entry } from "./test-notifications";

const CLEO = { id: "00000000-0000-4000-8000-00000000000c", displayName: "Cleo" };
const dm = { id: "r-dm", kind: "dm" as const, name: "", people: [ANA] };
const group = { id: "r-group", kind: "group" as const, name: "", people: [CLEO, ANA] };

describe("notification text", () => {
  it("notification text: says who mentioned me, and where", () => {
    expect(entryHeadline(entry("a", 1))).toBe("Ana mentioned you in #general");
    expect(entryHeadline(entry("a", 1, { room: group }))).toBe("Ana mentioned you in Ana, Cleo");
    expect(entryHeadline(entry("a", 1, { room: dm }))).toBe("Ana mentioned you · direct message");
  });

  it("notification text: @room and @here name the author and the channel", () => {
    expect(entryHeadline(entry("a", 1, { kind: "room", author: BEN }))).toBe("Ben · @room in #general");
    expect(entryHeadline(entry("a", 1, { kind: "here", author: BEN }))).toBe("Ben · @here in #general");
  });

  it("notification text: a reply in a thread I follow says so", () => {
    expect(entryHeadline(entry("a", 1, { kind: "thread", author: BEN }))).toBe(
      "Ben replied in a thread in #general",
    );
    expect(entryHeadline(entry("a", 1, { kind: "thread", room: dm }))).toBe(
      "Ana replied in a thread · direct message",
    );
  });

  it("notification text: a direct message names the person; a group, its people", () => {
    expect(entryHeadline(entry("a", 1, { kind: "dm", room: dm }))).toBe("Ana · direct message");
    expect(entryHeadline(entry("a", 1, { kind: "dm", room: group }))).toBe("Ana in Ana, Cleo");
    expect(messageHeadline({ id: "r", kind: "channel", name: "random", people: [] }, "Ben")).toBe(
      "Ben in #random",
    );
  });

  it("notification text: mentions read as @Name, on one line", () => {
    expect(plainExcerpt("hey @**Ben Smith**,\n\nlook at @room")).toBe("hey @Ben Smith, look at @room");
  });

  it("notification text: a long message is cut with an ellipsis, never inside an emoji", () => {
    const long = `${"a".repeat(EXCERPT_LENGTH - 1)}😀😀😀`;
    expect(plainExcerpt(long)).toBe(`${"a".repeat(EXCERPT_LENGTH - 1)}😀…`);
    expect(plainExcerpt("short")).toBe("short");
  });

  it("notification text: a deleted message says so instead of an empty line", () => {
    expect(entryExcerpt(entry("a", 1, { deleted: true, excerpt: "" }))).toBe("Message deleted");
    expect(entryExcerpt(entry("a", 1))).toBe("@Ben number 1");
  });

  it("notification text: links to the message in its room", () => {
    expect(messageHref("r1", 42)).toBe("/rooms/r1?seq=42");
  });
});
