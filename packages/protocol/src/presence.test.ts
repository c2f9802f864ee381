import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ClientFrame, ServerFrame } from "./frames";
import { PRESENCE_WATCH_MAX } from "./presence";

const roomId = randomUUID();

describe("protocol: awareness frames", () => {
  it("protocol: typing names a room; presence reports active or idle, nothing else", () => {
    expect(ClientFrame.parse({ type: "typing", roomId })).toEqual({ type: "typing", roomId });
    expect(ClientFrame.safeParse({ type: "typing", roomId: "general" }).success).toBe(false);
    expect(ClientFrame.parse({ type: "presence", state: "idle" }).type).toBe("presence");
    expect(ClientFrame.safeParse({ type: "presence", state: "offline" }).success).toBe(false);
  });

  it("protocol: presence.watch takes at most PRESENCE_WATCH_MAX user ids", () => {
    const ids = (n: number) => Array.from({ length: n }, () => randomUUID());
    expect(ClientFrame.safeParse({ type: "presence.watch", userIds: ids(PRESENCE_WATCH_MAX) }).success).toBe(
      true,
    );
    expect(
      ClientFrame.safeParse({ type: "presence.watch", userIds: ids(PRESENCE_WATCH_MAX + 1) }).success,
    ).toBe(false);
    expect(ClientFrame.safeParse({ type: "presence.watch", userIds: ["nobody"] }).success).toBe(false);
  });

  it("protocol: server typing and presence frames parse", () => {
    const user = { id: randomUUID(), displayName: "Ana" };
    expect(ServerFrame.parse({ type: "typing", roomId, user }).type).toBe("typing");
    const presence = { type: "presence", userId: user.id, status: "offline", lastSeenAt: null };
    expect(ServerFrame.parse(presence)).toEqual(presence);
    expect(ServerFrame.safeParse({ ...presence, status: "busy" }).success).toBe(false);
  });
});
