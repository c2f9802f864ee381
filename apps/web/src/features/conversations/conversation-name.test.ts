import { describe, expect, it } from "vitest";
import { conversationName, groupRooms, isConversation, type NamedRoom, roomTitle } from "./conversation-name";

const person = (id: string, displayName: string) => ({ id, displayName });
const channel = (id: string, name: string): NamedRoom => ({ id, kind: "channel", name, people: [] });
const dm = (id: string, other: string): NamedRoom => ({
  id,
  kind: "dm",
  name: "",
  people: [person(`u-${other}`, other)],
});
const group = (id: string, ...others: string[]): NamedRoom => ({
  id,
  kind: "group",
  name: "",
  people: others.map((o) => person(`u-${o}`, o)),
});

describe("conversations: naming", () => {
  it("names a channel by its name and a DM by the other person", () => {
    expect(conversationName(channel("r1", "general"))).toBe("general");
    expect(conversationName(dm("r2", "Ben"))).toBe("Ben");
  });

  it("names a group by the others, alphabetically, whatever order the server sent", () => {
    expect(conversationName(group("r3", "Cleo", "ana", "Ben"))).toBe("ana, Ben, Cleo");
    expect(conversationName(group("r3", "Ben", "Cleo", "ana"))).toBe("ana, Ben, Cleo");
  });

  it("says so when nobody else is left in a conversation", () => {
    expect(conversationName(group("r4"))).toBe("Only you");
  });

  it("titles a channel with # and a conversation with its name alone", () => {
    expect(roomTitle(channel("r1", "general"))).toBe("#general");
    expect(roomTitle(dm("r2", "Ben"))).toBe("Ben");
    expect(roomTitle(group("r3", "Ben", "Ana"))).toBe("Ana, Ben");
  });

  it("tells conversations from channels", () => {
    expect(isConversation(channel("r1", "x"))).toBe(false);
    expect(isConversation(dm("r2", "Ben"))).toBe(true);
    expect(isConversation(group("r3", "Ben", "Ana"))).toBe(true);
  });
});

describe("conversations: sidebar sections", () => {
  it("splits channels from DMs and groups, each sorted by name regardless of case and accents", () => {
    const rooms = [
      dm("d1", "zoe"),
      channel("c1", "random"),
      group("g1", "Ben", "Ana"),
      channel("c2", "General"),
      dm("d2", "Émile"),
      channel("c3", "dev"),
    ];
    const { channels, conversations } = groupRooms(rooms);
    expect(channels.map(conversationName)).toEqual(["dev", "General", "random"]);
    expect(conversations.map(conversationName)).toEqual(["Ana, Ben", "Émile", "zoe"]);
  });

  it("orders numbers numerically and breaks ties by id, so the order never flickers", () => {
    const rooms = [channel("c2", "team 10"), channel("c1", "team 2"), dm("d9", "Sam"), dm("d3", "sam")];
    const { channels, conversations } = groupRooms(rooms);
    expect(channels.map((r) => r.id)).toEqual(["c1", "c2"]);
    expect(conversations.map((r) => r.id)).toEqual(["d3", "d9"]);
  });

  it("leaves the input alone", () => {
    const rooms = [channel("c2", "b"), channel("c1", "a")];
    groupRooms(rooms);
    expect(rooms.map((r) => r.id)).toEqual(["c2", "c1"]);
  });
});
