import { avatarHue, initials } from "./avatar-style";

/** Initials on a colour derived from the user id. Decorative: the name is always shown beside it. */
export function Avatar({ userId, name, size = 36 }: { userId: string; name: string; size?: number }) {
  const hue = avatarHue(userId);
  return (
    <span
      aria-hidden="true"
      className="avatar"
      style={{
        width: size,
        height: size,
        fontSize: Math.round(size * 0.4),
        background: `hsl(${hue} 55% 42%)`,
      }}
    >
      {initials(name)}
    </span>
  );
}
