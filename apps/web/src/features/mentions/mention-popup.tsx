"use client";

import { Avatar } from "../ui/avatar";
import { AutocompletePopup } from "./autocomplete-popup";
import type { MentionChoice } from "./mention-query";
import styles from "./mentions.module.css";
import { autocompleteOptionId } from "./use-autocomplete";
import type { MentionAutocomplete } from "./use-mention-autocomplete";

const EVERYONE_HINT = { room: "Notify everyone in this room", here: "Notify everyone online" } as const;

export const MENTION_LIST_ID = "mention-choices";

export function optionId(index: number): string {
  return autocompleteOptionId(MENTION_LIST_ID, index);
}

/** The "@" completion list above the composer. */
export function MentionPopup({ autocomplete }: { autocomplete: MentionAutocomplete }) {
  return (
    <AutocompletePopup
      autocomplete={autocomplete}
      listId={MENTION_LIST_ID}
      heading="People in this conversation"
      label="Mention someone"
      empty="No one here by that name"
      keyOf={(choice) => (choice.kind === "person" ? choice.id : choice.kind)}
    >
      {(choice) => <ChoiceLabel choice={choice} />}
    </AutocompletePopup>
  );
}

function ChoiceLabel({ choice }: { choice: MentionChoice }) {
  if (choice.kind === "person") {
    return (
      <>
        <Avatar userId={choice.id} name={choice.name} size={24} />
        <span>{choice.name}</span>
      </>
    );
  }
  return (
    <>
      <span aria-hidden="true" className={styles.at}>
        @
      </span>
      <span>@{choice.kind}</span>
      <span className={styles.hint}>{EVERYONE_HINT[choice.kind]}</span>
    </>
  );
}
