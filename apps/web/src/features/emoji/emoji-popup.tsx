"use client";

import { AutocompletePopup } from "../mentions/autocomplete-popup";
import styles from "./emoji.module.css";
import { shortcodeFor, withTone } from "./emoji-index";
import { useEmojiPrefs } from "./emoji-prefs";
import { EMOJI_LIST_ID, type EmojiAutocomplete } from "./use-emoji-autocomplete";

/** The ":sho" completion list above the composer. */
export function EmojiPopup({ autocomplete }: { autocomplete: EmojiAutocomplete }) {
  const { tone } = useEmojiPrefs();
  return (
    <AutocompletePopup
      autocomplete={autocomplete}
      listId={EMOJI_LIST_ID}
      heading="Emoji"
      label="Insert an emoji"
      empty="No emoji by that name"
      keyOf={(choice) => choice.emoji}
    >
      {(choice) => (
        <>
          <span className={styles.choiceEmoji} aria-hidden="true">
            {withTone(choice, tone)}
          </span>
          <span>:{shortcodeFor(choice, autocomplete.typed) ?? choice.label.replaceAll(" ", "_")}:</span>
          <span className={styles.choiceLabel}>{choice.label}</span>
        </>
      )}
    </AutocompletePopup>
  );
}
