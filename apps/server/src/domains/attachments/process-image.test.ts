import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { jpegWithExif, pixelFloodPng, solidImage } from "../profiles/test-images";
import { processImage } from "./process-image";

const dir = mkdtempSync(join(tmpdir(), "parley-image-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const file = (bytes: Buffer) => {
  const path = join(dir, `img${n++}`);
  writeFileSync(path, bytes);
  return path;
};

describe("attachment images", () => {
  it("attachments: an image keeps its format and size, and gets a webp thumbnail at most 720 wide", async () => {
    const wide = await solidImage("png", 1600, 400);
    const out = await processImage(file(wide), "image/png");
    expect([out.width, out.height]).toEqual([1600, 400]);
    expect((await sharp(out.bytes).metadata()).format).toBe("png");
    const thumb = await sharp(out.thumb).metadata();
    expect([thumb.format, thumb.width, thumb.height]).toEqual(["webp", 720, 180]);
    // A small image is never enlarged.
    const small = await processImage(file(await solidImage("jpeg", 40, 30)), "image/jpeg");
    expect((await sharp(small.thumb).metadata()).width).toBe(40);
  });

  it("attachments: EXIF is stripped after its orientation is applied", async () => {
    const out = await processImage(file(await jpegWithExif()), "image/jpeg");
    // 60 × 30 with "rotate 90°": it stands upright as 30 × 60.
    expect([out.width, out.height]).toEqual([30, 60]);
    const meta = await sharp(out.bytes).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(out.bytes.includes(Buffer.from("SecretCam"))).toBe(false);
  });

  it("attachments: a pixel flood is refused before decoding; a damaged image is unreadable", async () => {
    await expect(processImage(file(await pixelFloodPng(30_000, 30_000)), "image/png")).rejects.toMatchObject({
      code: "IMAGE_TOO_LARGE",
    });
    const png = await solidImage("png", 40, 40);
    await expect(processImage(file(png.subarray(0, 60)), "image/png")).rejects.toMatchObject({
      code: "IMAGE_UNREADABLE",
    });
    // Bytes that start like one format but decode as another are refused too.
    await expect(processImage(file(png), "image/jpeg")).rejects.toMatchObject({ code: "IMAGE_UNREADABLE" });
  });

  it("attachments: an animated GIF keeps its frames; its height is one frame's", async () => {
    const [width, height, frames] = [20, 30, 3];
    const raw = Buffer.alloc(width * height * frames * 3);
    for (let f = 0; f < frames; f++) raw.fill(f * 80, f * width * height * 3, (f + 1) * width * height * 3);
    const gif = await sharp(raw, { raw: { width, height: height * frames, channels: 3, pageHeight: height } })
      .gif()
      .toBuffer();
    const out = await processImage(file(gif), "image/gif");
    expect([out.width, out.height]).toEqual([20, 30]);
    expect((await sharp(out.bytes).metadata()).pages).toBe(3);
    expect((await sharp(out.thumb).metadata()).height).toBe(30);
  });
});
