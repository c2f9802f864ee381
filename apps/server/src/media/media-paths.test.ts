import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { blobPath, contentHash, hashOfWebpFileName, isContentHash, webpFileName } from "./media-paths";

const HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

describe("media paths", () => {
  it("media: the content hash is the sha256 of the bytes in lower-case hex", () => {
    expect(contentHash(new TextEncoder().encode("test"))).toBe(HASH);
    expect(isContentHash(HASH)).toBe(true);
    expect(isContentHash(HASH.toUpperCase())).toBe(false);
    expect(isContentHash(HASH.slice(1))).toBe(false);
  });

  it("media: blobs are sharded two levels deep by the hash's first bytes", () => {
    expect(blobPath("/data/media", "avatars", HASH)).toBe(join("/data/media", "avatars", "9f", "86", HASH));
  });

  it("media: a path is never built from anything but a well-formed hash", () => {
    for (const bad of ["../../etc/passwd", `${HASH}/..`, "", `${HASH.slice(0, 63)}/`]) {
      expect(() => blobPath("/data/media", "avatars", bad)).toThrow(/not a content hash/);
    }
  });

  it("media: file names round-trip, and only `<hash>.webp` names a blob", () => {
    expect(hashOfWebpFileName(webpFileName(HASH))).toBe(HASH);
    for (const bad of [
      HASH,
      `${HASH}.png`,
      `${HASH}.webp.html`,
      `x${HASH}.webp`,
      `${HASH.toUpperCase()}.webp`,
    ]) {
      expect(hashOfWebpFileName(bad)).toBeNull();
    }
  });
});
