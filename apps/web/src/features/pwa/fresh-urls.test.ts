import { HISTORY_PAGE_SIZE } from "@parley/protocol";
import { describe, expect, it } from "vitest";
import { freshUrls } from "./fresh-urls";

const ORIGIN = "https://chat.example";
const ROOM = "0b8f7f3e-8a7c-4c1e-9a57-1d2f3e4a5b6c";

describe("freshUrls", () => {
  it("in a room: me, the room list, the room and its newest page of history", () => {
    expect(freshUrls(`/rooms/${ROOM}`, ORIGIN)).toEqual([
      `${ORIGIN}/api/me`,
      `${ORIGIN}/api/rooms/mine`,
      `${ORIGIN}/api/rooms/${ROOM}`,
      `${ORIGIN}/api/rooms/${ROOM}/messages?limit=${HISTORY_PAGE_SIZE}`,
    ]);
  });

  it("elsewhere: me and the room list only", () => {
    const shell = [`${ORIGIN}/api/me`, `${ORIGIN}/api/rooms/mine`];
    expect(freshUrls("/rooms", ORIGIN)).toEqual(shell);
    expect(freshUrls("/rooms/browse", ORIGIN)).toEqual(shell);
  });
});
