import { ATTACHMENT_MAX_PIXELS, ATTACHMENT_THUMB_WIDTH } from "@parley/protocol";
import sharp from "sharp";
import { AppError } from "../../errors";
import type { ImageType } from "../../media/sniff-image";

/** An uploaded image made safe to share: re-encoded without metadata, with its thumbnail. */
export interface ProcessedImage {
  bytes: Buffer;
  width: number;
  height: number;
  /** webp, at most ATTACHMENT_THUMB_WIDTH wide (the first frame of an animation). */
  thumb: Buffer;
}

/** sharp's name for each accepted type, to check the decoder agrees with the magic bytes. */
const SHARP_FORMAT: Record<ImageType, "png" | "jpeg" | "webp" | "gif"> = {
  "image/png": "png",
  "image/jpeg": "jpeg",
  "image/webp": "webp",
  "image/gif": "gif",
};

const megapixels = (pixels: number) => `${Math.round(pixels / 1_000_000)} megapixels`;

/**
 * Re-encodes an uploaded image (already sniffed as `type`) in its own format. Refuses one
 * whose header declares more than ATTACHMENT_MAX_PIXELS (all frames together) before a pixel
 * is decoded (413: a few KB can claim 50,000 × 50,000), and one that cannot be decoded (400).
 * The stored copy carries no metadata: EXIF (camera, GPS position, the owner's name) is
 * dropped after its orientation has been applied, so the picture stands as it was taken.
 * Animated GIF and WebP keep their frames.
 */
export async function processImage(path: string, type: ImageType): Promise<ProcessedImage> {
  const format = SHARP_FORMAT[type];
  // The header only (no pixels decoded), so sharp's own limit is lifted to name the dimensions.
  const meta = await sharp(path, { limitInputPixels: false })
    .metadata()
    .catch(() => null);
  if (!meta || meta.format !== format || !meta.width || !meta.height) {
    throw new AppError("IMAGE_UNREADABLE", "This image could not be read; it may be damaged");
  }
  const frames = meta.pages ?? 1;
  const frameHeight = meta.pageHeight ?? meta.height;
  const pixels = meta.width * frameHeight * frames;
  if (pixels > ATTACHMENT_MAX_PIXELS) {
    throw new AppError(
      "IMAGE_TOO_LARGE",
      `The image is ${meta.width} × ${frameHeight} pixels${frames > 1 ? ` × ${frames} frames` : ""}; at most ${megapixels(ATTACHMENT_MAX_PIXELS)}`,
    );
  }
  const animated = frames > 1 && (format === "gif" || format === "webp");
  try {
    // limitInputPixels again, in the decoder itself: the check above is the clear message,
    // this is the guarantee.
    let image = sharp(path, { limitInputPixels: ATTACHMENT_MAX_PIXELS, failOn: "error", animated });
    // Orientation is a still photo's EXIF; an animation is left as it is.
    if (!animated) image = image.rotate();
    const encoded =
      format === "jpeg"
        ? image.jpeg({ quality: 90, mozjpeg: true })
        : format === "png"
          ? image.png()
          : format === "webp"
            ? image.webp({ quality: 90 })
            : image.gif();
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    const width = info.width;
    const height = animated ? frameHeight : info.height;
    const thumb = await sharp(data, { limitInputPixels: ATTACHMENT_MAX_PIXELS })
      .resize({ width: Math.min(ATTACHMENT_THUMB_WIDTH, width), withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer();
    return { bytes: data, width, height, thumb };
  } catch (error) {
    if (error instanceof Error && /pixel limit/i.test(error.message)) {
      throw new AppError("IMAGE_TOO_LARGE", `The image is over ${megapixels(ATTACHMENT_MAX_PIXELS)}`);
    }
    throw new AppError("IMAGE_UNREADABLE", "This image could not be read; it may be damaged");
  }
}
