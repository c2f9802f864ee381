/**
 * A channel's picture (its 64 px square, rounded). Decorative: the room's name is always
 * beside it. Callers show the room's "#" or lock instead when it has none.
 */
export function RoomPicture({ url, size, className }: { url: string; size: number; className?: string }) {
  return (
    // biome-ignore lint/performance/noImgElement: already a cropped, resized, immutable webp; next/image would re-encode it.
    <img
      src={url}
      alt=""
      width={size}
      height={size}
      className={className}
      style={{ borderRadius: Math.round(size / 4), objectFit: "cover", flex: "none" }}
    />
  );
}
