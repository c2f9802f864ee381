import { describe, expect, it } from "vitest";
import { applyMention, matchPeople, mentionQueryAt } from "./mention-query";

describe("mentions: mentionQueryAt", () => {
  it("finds the @fragment before the caret", () => {
    expect(mentionQueryAt("hi @an", 6)).toEqual({ start: 3, text: "an" });
    expect(mentionQueryAt("@", 1)).toEqual({ start: 0, text: "" });
    expect(mentionQueryAt("hi @Ana Lo", 10)).toEqual({ start: 3, text: "Ana Lo" });
  });

  it("ignores emails, finished mentions, line breaks and a space right after @", () => {
    expect(mentionQueryAt("ana@exa", 7)).toBeNull();
    expect(mentionQueryAt("@**Ana** x", 10)).toBeNull();
    expect(mentionQueryAt("@an\nx", 5)).toBeNull();
    expect(mentionQueryAt("@ x", 3)).toBeNull();
    expect(mentionQueryAt("no at sign", 5)).toBeNull();
  });
});

describe("mentions: applyMention", () => {
  it("replaces the fragment with the mention and a space, caret after it", () => {
    const text = "hi @an how";
    const result = applyMention(text, { start: 3, text: "an" }, 6, {
      kind: "person",
      id: "1",
      name: "Ana Lopez",
    });
    expect(result).toEqual({ text: "hi @**Ana Lopez** how", caret: 18 });
  });

  it("inserts @room and @here as words", () => {
    expect(applyMention("@ro", { start: 0, text: "ro" }, 3, { kind: "room" })).toEqual({
      text: "@room ",
      caret: 6,
    });
  });
});

describe("mentions: matchPeople", () => {
  const people = [{ name: "Ben Okafor" }, { name: "Ana Lopez" }, { name: "Lola Bee" }, { name: "anaïs" }];
  it("puts names starting with the text first, then a word starting with it", () => {
    expect(matchPeople(people, "an").map((p) => p.name)).toEqual(["Ana Lopez", "anaïs"]);
    expect(matchPeople(people, "lo").map((p) => p.name)).toEqual(["Lola Bee", "Ana Lopez"]);
    expect(matchPeople(people, "").map((p) => p.name)).toEqual([
      "Ana Lopez",
      "anaïs",
      "Ben Okafor",
      "Lola Bee",
    ]);
  });
});
