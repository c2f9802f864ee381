import type { Room } from "@parley/protocol";
import { describe, expect, it } from "vitest";
import { changedSettings, valuesOf } from "./settings-form";

const room: Room = {
  id: "5a4f3b2c-1d0e-4f9a-8b7c-6d5e4f3a2b1c",
  kind: "channel",
  name: "general",
  topic: "Anything goes",
  description: "",
  visibility: "public",
  archived: false,
  slowModeSeconds: 0,
  readReceipts: "auto",
  avatarUrl: null,
  avatarThumbUrl: null,
  people: [],
  createdAt: "2026-11-24T10:00:00.000Z",
  lastSeq: 0,
  lastActivityAt: null,
  memberCount: 3,
  myRole: "owner",
  myMutedUntil: null,
  myNotify: "mentions",
};

describe("room settings: what a save sends", () => {
  it("room settings: an untouched form changes nothing", () => {
    expect(changedSettings(room, valuesOf(room))).toEqual({});
  });

  it("room settings: only the edited fields are sent; blanks around them do not count as edits", () => {
    expect(changedSettings(room, { ...valuesOf(room), topic: "  Anything goes " })).toEqual({});
    expect(changedSettings(room, { ...valuesOf(room), name: "lobby", slowModeSeconds: 30 })).toEqual({
      name: "lobby",
      slowModeSeconds: 30,
    });
    expect(changedSettings(room, { ...valuesOf(room), topic: "" })).toEqual({ topic: "" });
  });

  it("room settings: a blank name is sent, so the server's message shows under the field", () => {
    expect(changedSettings(room, { ...valuesOf(room), name: "   " })).toEqual({ name: "   " });
  });
});
