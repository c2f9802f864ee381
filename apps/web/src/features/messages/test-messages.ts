import type { Message } from "@parley/protocol";

export const ROOM_ID = "00000000-0000-4000-8000-000000000001";
export const ALICE = { id: "00000000-0000-4000-8000-00000000000a", displayName: "Alice" };
export const BOB = { id: "00000000-0000-4000-8000-00000000000b", displayName: "Bob" };

/** A message for tests; only seq is required, the rest has sensible defaults. */
export function fakeMessage(seq: number, overrides: Partial<Message> = {}): Message {
  return {
    id: `00000000-0000-4000-9000-${String(seq).padStart(12, "0")}`,
    roomId: ROOM_ID,
    seq,
    clientId: `client-${seq}-xxxxxxxx`,
    author: ALICE,
    body: `message ${seq}`,
    createdAt: new Date(Date.UTC(2026, 0, 1, 12, 0, seq)).toISOString(),
    kind: "message",
    targetId: null,
    deleted: null,
    ...overrides,
  };
}

/** The log entry that deletes `target`, made by `by` (the author, or a moderator). */
export function fakeDeletion(seq: number, target: Message, by = target.author): Message {
  return fakeMessage(seq, {
    kind: "deletion",
    targetId: target.id,
    author: by,
    body: "",
    clientId: `deletion:${target.id}`,
  });
}

/** The log entry that changes `target`'s text to `body` (seconds after it, by seq). */
export function fakeEdit(seq: number, target: Message, body: string): Message {
  return fakeMessage(seq, {
    kind: "edit",
    targetId: target.id,
    author: target.author,
    body,
    clientId: `edit:${seq}`,
  });
}

/** The log entry of `by` reacting to `target` with `emoji` (or taking it back when `on` is false). */
export function fakeReaction(seq: number, target: Message, emoji: string, by = BOB, on = true): Message {
  return fakeMessage(seq, {
    kind: on ? "reaction" : "unreaction",
    targetId: target.id,
    author: by,
    body: emoji,
    clientId: `reaction:${seq}`,
  });
}
