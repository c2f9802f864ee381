/** Unsent text per room, so switching rooms does not throw a half-written message away. */
const drafts = new Map<string, string>();

export function readDraft(roomId: string): string {
  return drafts.get(roomId) ?? "";
}

export function saveDraft(roomId: string, text: string): void {
  if (text) drafts.set(roomId, text);
  else drafts.delete(roomId);
}
