import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { sniffImageType } from "./sniff-image";

const pixel = () => sharp({ create: { width: 2, height: 2, channels: 3, background: "#5b45e0" } });
const bytes = (s: string) => new TextEncoder().encode(s);

describe("image type sniffing", () => {
  it("media: each accepted type is recognised from its bytes", async () => {
    expect(sniffImageType(await pixel().png().toBuffer())).toBe("image/png");
    expect(sniffImageType(await pixel().jpeg().toBuffer())).toBe("image/jpeg");
    expect(sniffImageType(await pixel().webp().toBuffer())).toBe("image/webp");
    expect(sniffImageType(await pixel().gif().toBuffer())).toBe("image/gif");
    expect(sniffImageType(bytes("GIF87a..."))).toBe("image/gif");
  });

  it("media: anything else is refused, whatever it is called", async () => {
    expect(sniffImageType(bytes("just some text, saved as avatar.png"))).toBeNull();
    expect(sniffImageType(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffImageType(await pixel().tiff().toBuffer())).toBeNull();
    expect(sniffImageType(await pixel().avif().toBuffer())).toBeNull();
    // A RIFF container that is not WebP (a WAV file), and signatures cut short.
    expect(sniffImageType(bytes("RIFF\x24\x00\x00\x00WAVEfmt "))).toBeNull();
    expect(sniffImageType(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
    expect(sniffImageType(new Uint8Array([0xff, 0xd8]))).toBeNull();
    expect(sniffImageType(new Uint8Array())).toBeNull();
  });
});
