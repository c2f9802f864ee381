import sharp from "sharp";

/**
 * Images for the avatar tests, made on the fly (no binary fixtures in the repository).
 */

/** A solid square (or rectangle) in the given format. */
export function solidImage(
  format: "png" | "jpeg" | "webp" | "gif",
  width = 40,
  height = 40,
  colour = "#5b45e0",
): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour } })
    [format]()
    .toBuffer();
}

/**
 * A 300 × 100 picture of three 100 px bands, red | green | blue: a centre crop to a square
 * keeps only the green one.
 */
export async function threeBands(): Promise<Buffer> {
  const band = (colour: string) =>
    sharp({ create: { width: 100, height: 100, channels: 3, background: colour } })
      .png()
      .toBuffer();
  return sharp({ create: { width: 300, height: 100, channels: 3, background: "#000" } })
    .composite([
      { input: await band("#ff0000"), left: 0, top: 0 },
      { input: await band("#00ff00"), left: 100, top: 0 },
      { input: await band("#0000ff"), left: 200, top: 0 },
    ])
    .png()
    .toBuffer();
}

/** A JPEG carrying EXIF: camera details and the orientation "rotate 90° clockwise". */
export function jpegWithExif(): Promise<Buffer> {
  return sharp({ create: { width: 60, height: 30, channels: 3, background: "#ffaa00" } })
    .withMetadata({ orientation: 6 })
    .withExifMerge({ IFD0: { Make: "SecretCam", Model: "Spy 3000", Copyright: "Someone" } })
    .jpeg()
    .toBuffer();
}

/**
 * A small, valid PNG whose header claims `width` × `height` (a "pixel flood"): the pixel data
 * is a tiny image's, so only a decoder that trusts the header would try to allocate it all.
 */
export async function pixelFloodPng(width: number, height: number): Promise<Buffer> {
  const png = Buffer.from(await solidImage("png", 8, 8));
  // IHDR is the first chunk: 8-byte signature, 4-byte length, "IHDR", then width and height.
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  // The chunk's CRC covers its type and data (bytes 12..29); a wrong CRC would be refused as
  // damaged before the dimensions are even looked at.
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * A friendlier picture for the browser specs' screenshots: a 480 × 320 landscape (a sun over
 * hills on a dusk gradient) whose centre square still reads as a picture.
 */
export function landscapePng(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="320">
    <defs>
      <linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
        <stop offset="0" stop-color="#5b45e0"/><stop offset="1" stop-color="#f59e8b"/>
      </linearGradient>
    </defs>
    <rect width="480" height="320" fill="url(#sky)"/>
    <circle cx="240" cy="150" r="58" fill="#ffd76a"/>
    <path d="M0 250 Q120 180 240 240 T480 220 V320 H0 Z" fill="#2d2744"/>
    <path d="M0 285 Q160 230 300 280 T480 270 V320 H0 Z" fill="#221d3a"/>
  </svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}
