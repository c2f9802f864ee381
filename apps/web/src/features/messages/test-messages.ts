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
    ...overrides,
  };
}
