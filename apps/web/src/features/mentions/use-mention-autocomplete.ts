"use client";

import { useCallback } from "react";
import { applyMention, type MentionChoice, matchPeople, mentionQueryAt } from "./mention-query";
import { type Autocomplete, useAutocomplete } from "./use-autocomplete";
import type { MentionCandidates } from "./use-mention-candidates";

export type MentionAutocomplete = Autocomplete<MentionChoice>;

/**
 * "@" completion in the composer: the fragment at the caret is matched against the room's
 * people (and @room/@here for moderators). Choosing writes `@**Name**`, the form the server
 * notifies and the renderer highlights.
 */
export function useMentionAutocomplete(
  candidates: MentionCandidates,
  textarea: () => HTMLTextAreaElement | null,
  setBody: (text: string) => void,
): MentionAutocomplete {
  const choicesFor = useCallback(
    (query: { text: string }): MentionChoice[] => {
      const people = matchPeople(candidates.people, query.text).map(
        (p): MentionChoice => ({ kind: "person", id: p.id, name: p.name }),
      );
      const everyone = candidates.everyone
        ? (["room", "here"] as const)
            .filter((k) => k.startsWith(query.text.toLowerCase()))
            .map((kind): MentionChoice => ({ kind }))
        : [];
      return [...people, ...everyone];
    },
    [candidates],
  );
  return useAutocomplete({ queryAt: mentionQueryAt, choicesFor, apply: applyMention }, textarea, setBody);
}
