import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { AppError } from "../../errors";
import { processAvatar } from "./process-avatar";
import { jpegWithExif, pixelFloodPng, solidImage, threeBands } from "./test-images";

async function refusal(input: Buffer): Promise<string> {
  const error = await processAvatar(input).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
}

describe("avatar processing", () => {
  it("avatars: every accepted type becomes a 256 px and a 64 px webp square", async () => {
    for (const format of ["png", "jpeg", "webp", "gif"] as const) {
      const { large, thumb } = await processAvatar(await solidImage(format, 500, 320));
      const big = await sharp(large).metadata();
      const small = await sharp(thumb).metadata();
      expect([big.format, big.width, big.height], format).toEqual(["webp", 256, 256]);
      expect([small.format, small.width, small.height], format).toEqual(["webp", 64, 64]);
    }
  });

  it("avatars: a wide picture is cropped to its centre", async () => {
    const { large } = await processAvatar(await threeBands());
    const { dominant } = await sharp(large).stats();
    expect(dominant.g).toBeGreaterThan(200);
    expect(dominant.r).toBeLessThan(60);
    expect(dominant.b).toBeLessThan(60);
  });

  it("avatars: EXIF is applied (orientation) and then dropped", async () => {
    const input = await jpegWithExif();
    expect((await sharp(input).metadata()).exif).toBeDefined();
    const { large } = await processAvatar(input);
    const meta = await sharp(large).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(large.includes("SecretCam")).toBe(false);
  });

  it("avatars: not an image by its bytes, a pixel flood, and a damaged file are refused with their codes", async () => {
    expect(await refusal(Buffer.from("a text file renamed avatar.png"))).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect(await refusal(await pixelFloodPng(20_000, 20_000))).toBe("IMAGE_TOO_LARGE");
    const png = await solidImage("png", 64, 64);
    expect(await refusal(png.subarray(0, 40))).toBe("IMAGE_UNREADABLE");
  });
});
