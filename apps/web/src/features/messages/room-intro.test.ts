import { describe, expect, it } from "vitest";
import { composerPlaceholder, roomIntro } from "./room-intro";

const base = { id: "r", name: "", topic: "", people: [] };
const person = (displayName: string) => ({ id: displayName, displayName });

describe("messages: roomIntro", () => {
  it("a channel: its name, and its topic or an invitation to say hello", () => {
    expect(roomIntro({ ...base, kind: "channel", name: "general", topic: "All things" })).toEqual({
      title: "Beginning of #general",
      text: "All things",
    });
    expect(roomIntro({ ...base, kind: "channel", name: "general" }).text).toBe(
      "This is the very start of the #general room. Say hello!",
    );
    expect(composerPlaceholder({ ...base, kind: "channel", name: "general" })).toBe("Message #general");
  });

  it("a direct conversation: the other person", () => {
    const dm = { ...base, kind: "dm" as const, people: [person("Ben")] };
    expect(roomIntro(dm)).toEqual({
      title: "Ben",
      text: "This is the beginning of your direct messages with Ben.",
    });
    expect(composerPlaceholder(dm)).toBe("Message Ben");
  });

  it("a group: everyone else, as a sentence", () => {
    const group = { ...base, kind: "group" as const, people: [person("Cleo"), person("Ana"), person("Ben")] };
    expect(roomIntro(group)).toEqual({
      title: "Ana, Ben, Cleo",
      text: "This is the beginning of your conversation with Ana, Ben and Cleo.",
    });
  });
});
