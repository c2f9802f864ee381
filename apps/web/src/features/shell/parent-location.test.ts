import { describe, expect, it } from "vitest";
import { parentLocation } from "./parent-location";

describe("parentLocation", () => {
  it("closes a thread to its room, keeping the rest of the address", () => {
    expect(parentLocation("/rooms/r1", "?thread=m1")).toBe("/rooms/r1");
    expect(parentLocation("/rooms/r1", "?seq=40&thread=m1")).toBe("/rooms/r1?seq=40");
  });

  it("goes from a room or any other page to the room list", () => {
    expect(parentLocation("/rooms/r1", "")).toBe("/rooms");
    expect(parentLocation("/rooms/inbox", "")).toBe("/rooms");
    expect(parentLocation("/settings/notifications", "")).toBe("/rooms");
  });

  it("has nowhere to go from the room list", () => {
    expect(parentLocation("/rooms", "")).toBeNull();
  });
});
