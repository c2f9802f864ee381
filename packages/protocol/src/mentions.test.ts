import { describe, expect, it } from "vitest";
import { findMentions, mentionText, tokenizeMentions } from "./mentions";

describe("protocol: mentions", () => {
  it("finds people by @**name**, names with spaces included, each once", () => {
    expect(findMentions("hi @**Ana López** and @**Ben**, @**Ana López** again")).toEqual({
      names: ["Ana López", "Ben"],
      room: false,
      here: false,
    });
  });

  it("finds @room and @here only as whole words", () => {
    expect(findMentions("@room meeting now, @here too")).toMatchObject({ room: true, here: true });
    expect(findMentions("mail me at ana@here.com, see @roomy and @here-ish")).toMatchObject({
      room: false,
      here: false,
    });
  });

  it("cuts a body into text and mentions, keeping every character", () => {
    const body = "ping @**Ben** then @room!";
    const tokens = tokenizeMentions(body);
    expect(tokens).toEqual([
      { kind: "text", text: "ping " },
      { kind: "person", name: "Ben", text: "@**Ben**" },
      { kind: "text", text: " then " },
      { kind: "room", text: "@room" },
      { kind: "text", text: "!" },
    ]);
    expect(tokens.map((t) => t.text).join("")).toBe(body);
  });

  it("leaves malformed forms as text", () => {
    for (const body of ["@****", "@** **", "@**unclosed", "@**two\nlines**"]) {
      expect(findMentions(body).names, body).toEqual([]);
      expect(
        tokenizeMentions(body)
          .map((t) => t.text)
          .join(""),
        body,
      ).toBe(body);
    }
  });

  it("round-trips the autocomplete's text", () => {
    expect(findMentions(`${mentionText("Cleo *the* great")} hi`).names).toEqual(["Cleo *the* great"]);
  });
});

describe("mentions in code", () => {
  it("mentions: @room or a name inside inline code or a fenced block does not count", () => {
    expect(findMentions("run `notify @room` to test")).toEqual({ names: [], room: false, here: false });
    expect(findMentions("```\n@here and @**Ana**\n```\nthen @**Ben**")).toEqual({
      names: ["Ben"],
      room: false,
      here: false,
    });
    expect(findMentions("``a ` @room``")).toMatchObject({ room: false });
    // An unclosed fence runs to the end, as markdown renders it.
    expect(findMentions("~~~\n@room")).toMatchObject({ room: false });
    // Outside code they still count.
    expect(findMentions("`x` @room")).toMatchObject({ room: true });
  });
});
