"use client";

import { useCallback } from "react";
import { flushSync } from "react-dom";
import { type Autocomplete, useAutocomplete } from "../mentions/use-autocomplete";
import { type Emoji, searchEmoji, withTone } from "./emoji-index";
import { useEmojiPrefs } from "./emoji-prefs";
import { applyEmoji, replaceShortcodeAt, type ShortcodeQuery, shortcodeQueryAt } from "./emoji-query";
import { useEmojiIndex } from "./use-emoji-index";

export const EMOJI_LIST_ID = "emoji-choices";

/** How many emoji the ":sho" list offers. */
const CHOICES = 8;

export interface EmojiAutocomplete extends Autocomplete<Emoji> {
  /**
   * Call in the textarea's change handler (after setting the text): a shortcode just closed
   * with ":" becomes its emoji; then the completion follows the caret as `track` does.
   */
  input: (el: HTMLTextAreaElement) => void;
}

/**
 * Emoji in the composer: ":smi" offers matching emoji (arrows, Enter/Tab, Escape, like the
 * "@" completion), and a complete ":smile:" turns into 😄 as its closing colon is typed. The
 * chosen skin tone applies to both.
 */
export function useEmojiAutocomplete(
  textarea: () => HTMLTextAreaElement | null,
  setBody: (text: string) => void,
): EmojiAutocomplete {
  const index = useEmojiIndex();
  const { tone, remember } = useEmojiPrefs();

  const choicesFor = useCallback(
    (query: ShortcodeQuery) => (index ? searchEmoji(index, query.text, CHOICES) : []),
    [index],
  );
  const apply = useCallback(
    (text: string, query: ShortcodeQuery, caret: number, choice: Emoji) => {
      const emoji = withTone(choice, tone);
      remember(emoji);
      return applyEmoji(text, query, caret, emoji);
    },
    [tone, remember],
  );
  const autocomplete = useAutocomplete({ queryAt: shortcodeQueryAt, choicesFor, apply }, textarea, setBody);
  const { track } = autocomplete;

  const input = useCallback(
    (el: HTMLTextAreaElement) => {
      const caret = el.selectionStart ?? el.value.length;
      const replaced =
        index && el.selectionStart === el.selectionEnd
          ? replaceShortcodeAt(el.value, caret, index, (code) => {
              const found = index.byShortcode.get(code);
              return found && withTone(found, tone);
            })
          : null;
      if (replaced) {
        // Written now, not on the next frame: the person is still typing, and a caret moved a
        // frame later would put their next characters in the wrong place.
        flushSync(() => setBody(replaced.text));
        el.setSelectionRange(replaced.caret, replaced.caret);
        remember(replaced.emoji);
      }
      track(el);
    },
    [index, tone, setBody, remember, track],
  );

  return { ...autocomplete, input };
}
