import { describe, expect, it } from "vitest";
import { ClientFrame, ServerFrame } from "./frames";

const roomId = "6f1c2f3e-8a4b-4c5d-9e6f-7a8b9c0d1e2f";

describe("protocol: client frames", () => {
  it("protocol: accepts a well-formed send and sync", () => {
    expect(
      ClientFrame.parse({ type: "message.send", roomId, clientId: "abcDEF12-_", body: "hi" }),
    ).toMatchObject({
      type: "message.send",
    });
    expect(ClientFrame.parse({ type: "sync", cursors: [{ roomId, afterSeq: 0 }] }).type).toBe("sync");
  });

  it("protocol: rejects unknown types, blank bodies, bad ids and negative cursors", () => {
    expect(ClientFrame.safeParse({ type: "nope" }).success).toBe(false);
    expect(
      ClientFrame.safeParse({ type: "message.send", roomId, clientId: "abcDEF12", body: "  " }).success,
    ).toBe(false);
    expect(
      ClientFrame.safeParse({ type: "message.send", roomId: "x", clientId: "abcDEF12", body: "a" }).success,
    ).toBe(false);
    expect(
      ClientFrame.safeParse({ type: "message.send", roomId, clientId: "short", body: "a" }).success,
    ).toBe(false);
    expect(
      ClientFrame.safeParse({ type: "message.send", roomId, clientId: "has space!", body: "a" }).success,
    ).toBe(false);
    expect(ClientFrame.safeParse({ type: "sync", cursors: [{ roomId, afterSeq: -1 }] }).success).toBe(false);
    expect(ClientFrame.safeParse({ type: "sync", cursors: [{ roomId, afterSeq: 1.5 }] }).success).toBe(false);
  });

  it("protocol: server error frames carry a known code", () => {
    const ok = ServerFrame.safeParse({
      type: "error",
      error: { code: "NOT_A_MEMBER", message: "Join first" },
    });
    expect(ok.success).toBe(true);
    const unknown = ServerFrame.safeParse({ type: "error", error: { code: "WHATEVER", message: "?" } });
    expect(unknown.success).toBe(false);
  });
});
