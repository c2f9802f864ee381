import type { Attachment } from "@parley/protocol";
import { describe, expect, it } from "vitest";
import { EMPTY_OUTBOX, enqueue } from "../messages/outbox";
import { fromRecord, toRecord } from "../messages/outbox-records";

const file: Attachment = {
  id: "6f1c2f3e-8a4b-4c5d-9e6f-7a8b9c0d1e2f",
  kind: "image",
  name: "photo.png",
  size: 1234,
  mime: "image/png",
  width: 40,
  height: 30,
  url: "/api/rooms/r/attachments/a/file/photo.png",
  thumbUrl: "/api/rooms/r/attachments/a/thumb",
};

describe("outbox: attachments", () => {
  it("attachments: a pending send keeps its files through storage and other tabs, so a retry sends them", () => {
    const [entry] = enqueue(EMPTY_OUTBOX, {
      clientId: "client-123456",
      roomId: "room",
      body: "",
      createdAt: "2026-11-24T20:00:00.000Z",
      attachments: [file],
    });
    if (!entry) throw new Error("not queued");
    const record = toRecord(entry, "u1");
    expect(record.attachments).toEqual([file]);
    const restored = fromRecord(JSON.parse(JSON.stringify(record)), "u1");
    expect(restored?.attachments).toEqual([file]);
  });

  it("attachments: a record without files is still valid; one with malformed files is dropped", () => {
    const base = {
      clientId: "client-123456",
      userId: "u1",
      roomId: "room",
      body: "hi",
      createdAt: "x",
      status: "queued",
      error: null,
    };
    expect(fromRecord(base, "u1")?.attachments).toBeUndefined();
    expect(fromRecord({ ...base, attachments: [{ id: 5 }] }, "u1")).toBeNull();
  });
});
