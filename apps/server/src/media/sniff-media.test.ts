import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { claimsMedia, sniffMediaType } from "./sniff-media";

const bytes = (s: string) => Buffer.from(s, "latin1");
/** The start of an MP4: a 24-byte ftyp box with the given major brand. */
const mp4Head = (brand: string) => bytes(`\x00\x00\x00\x18ftyp${brand}\x00\x00\x02\x00isomiso2`);
/** The start of a WebM/Matroska file: EBML header with its DocType. */
const ebmlHead = (docType: string) =>
  Buffer.concat([
    Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84]),
    bytes(docType),
  ]);

describe("media type sniffing", () => {
  it("media: images, MP4 and WebM are recognised from their bytes", async () => {
    const png = await sharp({ create: { width: 2, height: 2, channels: 3, background: "#000" } })
      .png()
      .toBuffer();
    expect(sniffMediaType(png)).toEqual({ kind: "image", mime: "image/png" });
    expect(sniffMediaType(mp4Head("isom"))).toEqual({ kind: "video", mime: "video/mp4" });
    expect(sniffMediaType(mp4Head("mp42"))).toEqual({ kind: "video", mime: "video/mp4" });
    expect(sniffMediaType(ebmlHead("webm"))).toEqual({ kind: "video", mime: "video/webm" });
  });

  it("media: other containers and everything else are plain files", () => {
    expect(sniffMediaType(mp4Head("qt  "))).toBeNull();
    expect(sniffMediaType(mp4Head("heic"))).toBeNull();
    expect(sniffMediaType(ebmlHead("matroska"))).toBeNull();
    expect(sniffMediaType(bytes("%PDF-1.7\n"))).toBeNull();
    expect(sniffMediaType(bytes("<html><script>alert(1)</script>"))).toBeNull();
    expect(sniffMediaType(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffMediaType(new Uint8Array())).toBeNull();
  });

  it("media: a name or declared type claiming an image or video is noticed", () => {
    expect(claimsMedia("cat.PNG", undefined)).toBe(true);
    expect(claimsMedia("clip.webm", "application/octet-stream")).toBe(true);
    expect(claimsMedia("notes", "image/png")).toBe(true);
    expect(claimsMedia("report.pdf", "application/pdf")).toBe(false);
    expect(claimsMedia("png", undefined)).toBe(false);
  });
});
