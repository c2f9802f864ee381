import { ATTACHMENTS_PER_MESSAGE_MAX, type Attachment } from "@parley/protocol";
import { describe, expect, it } from "vitest";
import {
  addUploads,
  type PendingUpload,
  readyAttachments,
  removeUpload,
  roomLeft,
  updateUpload,
  uploadsState,
} from "./pending-uploads";

const upload = (key: string, status: PendingUpload["status"] = "uploading"): PendingUpload => ({
  key,
  name: `${key}.txt`,
  size: 10,
  progress: 0,
  status,
  attachment: null,
  error: null,
  preview: null,
});
const attachment = (id: string) => ({ id, kind: "file", name: `${id}.txt` }) as Attachment;

describe("pending uploads", () => {
  it("attachments: Send waits for uploads, and is blocked by a failed one until it is removed", () => {
    let state = addUploads([], [upload("a"), upload("b")]);
    expect(uploadsState(state)).toBe("uploading");
    state = updateUpload(state, "a", { status: "done", progress: 1, attachment: attachment("1") });
    expect(uploadsState(state)).toBe("uploading");
    state = updateUpload(state, "b", { status: "failed", error: "Too large" });
    expect(uploadsState(state)).toBe("failed");
    state = removeUpload(state, "b");
    expect(uploadsState(state)).toBe("ready");
    expect(readyAttachments(state).map((a) => a.id)).toEqual(["1"]);
  });

  it("attachments: at most ten files per message", () => {
    const many = Array.from({ length: 12 }, (_, i) => upload(`f${i}`));
    const state = addUploads([], many);
    expect(state).toHaveLength(ATTACHMENTS_PER_MESSAGE_MAX);
    expect(roomLeft(state)).toBe(0);
    expect(roomLeft(removeUpload(state, "f0"))).toBe(1);
  });
});
