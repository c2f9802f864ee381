import { describe, expect, it } from "vitest";
import { decideLive } from "./room-stream";

describe("realtime: live delivery decisions", () => {
  it("realtime: skips everything until the client has synced", () => {
    expect(decideLive("awaiting-sync", { seq: 1 })).toEqual({ kind: "skip" });
  });
  it("realtime: passes through when the client has no cursor for the room", () => {
    expect(decideLive(null, { seq: 42 })).toEqual({ kind: "send" });
  });
  it("realtime: sends the next seq, skips old ones, and fills gaps", () => {
    expect(decideLive(5, { seq: 6 })).toEqual({ kind: "send" });
    expect(decideLive(5, { seq: 5 })).toEqual({ kind: "skip" });
    expect(decideLive(5, { seq: 2 })).toEqual({ kind: "skip" });
    expect(decideLive(5, { seq: 9 })).toEqual({ kind: "fill", after: 5 });
  });
});
