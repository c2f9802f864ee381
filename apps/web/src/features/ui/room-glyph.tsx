import { LockIcon } from "./icons";

/** "#" for a public room, a lock for a private one. Decorative: the name is beside it. */
export function RoomGlyph({
  visibility,
  className,
  size,
}: {
  visibility: "public" | "private";
  className?: string;
  size?: number;
}) {
  return (
    <span
      className={className}
      aria-hidden="true"
      title={visibility === "private" ? "Private room" : undefined}
    >
      {visibility === "private" ? <LockIcon size={size} /> : "#"}
    </span>
  );
}
