import { describe, expect, it } from "vitest";
import { thumbBox } from "./attachment-list";

describe("attachment thumbnails", () => {
  it("attachments: the box keeps the image's proportions within 360 × 280, never enlarged", () => {
    expect(thumbBox(1440, 200)).toEqual({ width: 360, height: 50 });
    expect(thumbBox(300, 600)).toEqual({ width: 140, height: 280 });
    expect(thumbBox(120, 80)).toEqual({ width: 120, height: 80 });
    expect(thumbBox(10_000, 1)).toEqual({ width: 360, height: 1 });
  });
});
