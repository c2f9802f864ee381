"use client";

import { useState } from "react";
import { useProfile } from "../profile/profile-query";
import { avatarHue, initials } from "./avatar-style";

/** Up to this size (CSS px) the 64 px image is sharp enough, even on a 2× screen at 32 px. */
const THUMB_UP_TO = 40;

/**
 * The person's picture when they set one, else their initials on a colour derived from their
 * id (also while the profile loads, and if the image fails). Decorative: the name is always
 * shown beside it.
 */
export function Avatar({ userId, name, size = 36 }: { userId: string; name: string; size?: number }) {
  const profile = useProfile(userId).data;
  const url = size <= THUMB_UP_TO ? profile?.avatarThumbUrl : profile?.avatarUrl;
  // The URL that failed to load: a new avatar (a new URL) gets its chance.
  const [failed, setFailed] = useState<string | null>(null);
  const hue = avatarHue(userId);
  const style = { width: size, height: size, background: `hsl(${hue} 55% 42%)` };
  if (url && url !== failed) {
    return (
      // biome-ignore lint/performance/noImgElement: already a cropped, resized, immutable webp; next/image would re-encode it.
      <img
        aria-hidden="true"
        alt=""
        className="avatar"
        src={url}
        width={size}
        height={size}
        style={{ ...style, objectFit: "cover" }}
        onError={() => setFailed(url)}
      />
    );
  }
  return (
    <span aria-hidden="true" className="avatar" style={{ ...style, fontSize: Math.round(size * 0.4) }}>
      {initials(profile?.displayName ?? name)}
    </span>
  );
}
