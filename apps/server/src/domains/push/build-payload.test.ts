import { PushPayload } from "@parley/protocol";
import { describe, expect, it } from "vitest";
import {
  encodePayload,
  MAX_PAYLOAD_BYTES,
  type MessageForPush,
  messagePayload,
  readPayload,
} from "./build-payload";

const receipt = {
  subscriptionId: "8d0f6a52-52a4-4d35-a43a-8e6b3a1f1d11",
  token: "t".repeat(32),
  url: "/api/push/receipts",
};
const base: MessageForPush = {
  roomId: "0b8e6a52-52a4-4d35-a43a-8e6b3a1f1d11",
  roomKind: "channel",
  roomName: "general",
  people: [],
  messageId: "1c8e6a52-52a4-4d35-a43a-8e6b3a1f1d11",
  seq: 42,
  author: "Ana",
  body: "hello   @**Ben**\nsee you",
  mention: true,
};

describe("push payload", () => {
  it("push payload: one per room (its tag), saying who, where and what, opening the message", () => {
    const p = messagePayload(base, { count: 1, previews: true, receipt });
    expect(PushPayload.parse(p)).toEqual(p);
    expect(p).toMatchObject({
      type: "message",
      tag: `parley-room-${base.roomId}`,
      title: "#general",
      body: "Ana: hello @Ben see you",
      count: 1,
      url: `/rooms/${base.roomId}?seq=42`,
    });
  });

  it("push payload: collapsed, the room's notification carries the count of unread messages", () => {
    const p = messagePayload(base, { count: 5, previews: true, receipt });
    expect(p).toMatchObject({ title: "#general · 5 new messages", count: 5 });
    expect(messagePayload(base, { count: 0, previews: true, receipt })).toMatchObject({
      count: 1,
      title: "#general",
    });
  });

  it("push payload: previews off says who and why, never the text", () => {
    const mention = messagePayload(base, { count: 1, previews: false, receipt });
    expect(mention).toMatchObject({ title: "#general", body: "Ana: mentioned you" });
    const dm = messagePayload(
      { ...base, roomKind: "dm", mention: false },
      { count: 2, previews: false, receipt },
    );
    expect(dm).toMatchObject({ title: "Ana · 2 new messages", body: "Ana: sent a message" });
    expect(JSON.stringify([mention, dm])).not.toContain("hello");
  });

  it("push payload: a DM is titled by the person, a group by its people", () => {
    expect(messagePayload({ ...base, roomKind: "dm" }, { count: 1, previews: true, receipt })).toMatchObject({
      title: "Ana",
      body: "hello @Ben see you",
    });
    const group = messagePayload(
      { ...base, roomKind: "group", people: ["Cleo", "Ana"] },
      { count: 1, previews: true, receipt },
    );
    expect(group).toMatchObject({ title: "Ana, Cleo", body: "Ana: hello @Ben see you" });
  });

  it("push payload: a message with only a file still says something", () => {
    expect(
      messagePayload({ ...base, body: "" }, { count: 1, previews: true, receipt }).type === "message",
    ).toBe(true);
    expect(messagePayload({ ...base, body: "" }, { count: 1, previews: true, receipt })).toMatchObject({
      body: "Ana: sent an attachment",
    });
  });

  it("push payload: stays within the push services' size limit, even for the longest text", () => {
    const long = messagePayload(
      { ...base, body: "ü😀".repeat(4000), roomName: "n".repeat(100) },
      {
        count: 1,
        previews: true,
        receipt,
      },
    );
    expect(Buffer.byteLength(encodePayload(long))).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
    expect(readPayload(base.roomId, receipt)).toEqual({
      v: 1,
      type: "read",
      tag: `parley-room-${base.roomId}`,
      roomId: base.roomId,
      receipt,
    });
  });
});
