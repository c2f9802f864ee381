import { AVATAR_MAX_PIXELS, AVATAR_SIZE, AVATAR_THUMB_SIZE } from "@parley/protocol";
import sharp from "sharp";
import { AppError } from "../../errors";
import { type ImageType, sniffImageType } from "../../media/sniff-image";

/** The two squares kept of an avatar, as webp. */
export interface AvatarImages {
  large: Buffer;
  thumb: Buffer;
}

/** sharp's name for each accepted type, to check the decoder agrees with the magic bytes. */
const SHARP_FORMAT: Record<ImageType, string> = {
  "image/png": "png",
  "image/jpeg": "jpeg",
  "image/webp": "webp",
  "image/gif": "gif",
};

const WEBP = { quality: 82, effort: 4 } as const;

/**
 * Turns an uploaded image into the avatar's two squares: centre-cropped, 256 px and 64 px,
 * webp. Refuses anything that is not PNG, JPEG, WebP or GIF by its bytes (415), an image
 * whose declared dimensions are over AVATAR_MAX_PIXELS before a pixel is decoded (413: a
 * small file can claim 20000 × 20000 and exhaust memory), and one that cannot be decoded
 * (400). The output carries no metadata: EXIF (camera, GPS position) is dropped, after its
 * orientation has been applied so the picture stands as it was taken. An animated GIF or
 * WebP keeps its first frame.
 */
export async function processAvatar(bytes: Buffer): Promise<AvatarImages> {
  const type = sniffImageType(bytes);
  if (!type) throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Upload a PNG, JPEG, WebP or GIF image");

  // Reading the header only: cheap, and it decodes no pixels — so sharp's own pixel limit is
  // lifted here, to let the check below name the dimensions it refuses.
  const meta = await sharp(bytes, { limitInputPixels: false })
    .metadata()
    .catch(() => null);
  if (!meta || meta.format !== SHARP_FORMAT[type] || !meta.width || !meta.height) {
    throw new AppError("IMAGE_UNREADABLE", "This image could not be read; it may be damaged");
  }
  if (meta.width * meta.height > AVATAR_MAX_PIXELS) {
    throw new AppError(
      "IMAGE_TOO_LARGE",
      `The image is ${meta.width} × ${meta.height} pixels; at most ${AVATAR_MAX_PIXELS / 1_000_000} megapixels`,
    );
  }

  try {
    // limitInputPixels again, in the decoder itself: the header check above is the clear
    // message, this is the guarantee.
    const { data, info } = await sharp(bytes, { limitInputPixels: AVATAR_MAX_PIXELS, failOn: "error" })
      .rotate()
      .resize(AVATAR_SIZE, AVATAR_SIZE, { fit: "cover", position: "centre" })
      .raw()
      .toBuffer({ resolveWithObject: true });
    // Both sizes from the one decoded square (decoding the upload twice would double the cost).
    const square = () =>
      sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } });
    const [large, thumb] = await Promise.all([
      square().webp(WEBP).toBuffer(),
      square().resize(AVATAR_THUMB_SIZE, AVATAR_THUMB_SIZE).webp(WEBP).toBuffer(),
    ]);
    return { large, thumb };
  } catch (error) {
    if (error instanceof Error && /pixel limit/i.test(error.message)) {
      throw new AppError("IMAGE_TOO_LARGE", `The image is over ${AVATAR_MAX_PIXELS / 1_000_000} megapixels`);
    }
    throw new AppError("IMAGE_UNREADABLE", "This image could not be read; it may be damaged");
  }
}
