"use client";

import { useEffect, useState } from "react";
import { type EmojiIndex, loadEmojiIndex } from "./emoji-index";

/** The emoji table once loaded (null until then, or when it could not be downloaded). */
export function useEmojiIndex(): EmojiIndex | null {
  const [index, setIndex] = useState<EmojiIndex | null>(null);
  useEffect(() => {
    let current = true;
    loadEmojiIndex()
      .then((loaded) => {
        if (current) setIndex(loaded);
      })
      // Offline or a failed chunk: shortcodes stay text, the picker says it could not load.
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, []);
  return index;
}
