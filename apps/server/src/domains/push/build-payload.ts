import { EXCERPT_LENGTH, excerpt, type PushPayload, pushTag, tokenizeMentions } from "@parley/protocol";

/** Push services take 4,096 bytes of ciphertext; the encryption adds 103 (RFC 8291 §4). */
export const MAX_PAYLOAD_BYTES = 3_993;

export interface MessageForPush {
  roomId: string;
  roomKind: "channel" | "dm" | "group";
  roomName: string;
  /** The other people of a conversation (its name), besides the recipient. */
  people: string[];
  messageId: string;
  seq: number;
  author: string;
  body: string;
  /** Why: a mention (or @room/@here), or any message (a DM, a room set to "all"). */
  mention: boolean;
}

export interface Receipt {
  subscriptionId: string;
  token: string;
  url: string;
}

/** "Ana: hello @Ben" — mentions as names, one line. */
function plain(body: string): string {
  const text = tokenizeMentions(body)
    .map((t) => (t.kind === "person" ? `@${t.name}` : t.text))
    .join("")
    .replace(/\s+/g, " ")
    .trim();
  return excerpt(text, EXCERPT_LENGTH);
}

/** "#general"; the person, for a DM; the people, for a group (as the app names them). */
export function pushTitle(m: Pick<MessageForPush, "roomKind" | "roomName" | "people" | "author">): string {
  if (m.roomKind === "channel") return `#${m.roomName}`;
  if (m.roomKind === "dm") return m.author;
  const names = [...m.people].sort((a, b) => a.localeCompare(b));
  return names.length > 0 ? names.join(", ") : m.author;
}

/**
 * The payload of a message's push, collapsed per room: one notification per room (its tag),
 * replaced by each new one, saying how many messages wait unread there. Without previews it
 * says who wrote and where, never what.
 */
export function messagePayload(
  m: MessageForPush,
  options: { count: number; previews: boolean; receipt: Receipt },
): PushPayload {
  const title = pushTitle(m);
  const count = Math.max(1, options.count);
  const what = options.previews
    ? plain(m.body) || "sent an attachment"
    : m.mention
      ? "mentioned you"
      : "sent a message";
  const who = m.roomKind === "dm" && options.previews ? "" : `${m.author}: `;
  const body = `${who}${what}`;
  return {
    v: 1,
    type: "message",
    tag: pushTag(m.roomId),
    roomId: m.roomId,
    messageId: m.messageId,
    seq: m.seq,
    title: count > 1 ? `${title} · ${count} new messages` : title,
    body,
    count,
    url: `/rooms/${m.roomId}?seq=${m.seq}`,
    receipt: options.receipt,
  };
}

/** Closes the room's notification on the device: the room was read (on any device). */
export function readPayload(roomId: string, receipt: Receipt): PushPayload {
  return { v: 1, type: "read", tag: pushTag(roomId), roomId, receipt };
}

/** The settings page's test: it proves the whole way, server → push service → device → server. */
export function testPayload(receipt: Receipt): PushPayload {
  return {
    v: 1,
    type: "test",
    tag: "parley-test",
    title: "Parley",
    body: "Push notifications work on this device.",
    url: "/settings/notifications",
    receipt,
  };
}

/** The payload as sent: JSON, checked against the push services' size limit. */
export function encodePayload(payload: PushPayload): string {
  const json = JSON.stringify(payload);
  // Excerpts are cut at 200 characters, names at 100: this holds by a wide margin; if it ever
  // does not, a notification without its text beats a push the service refuses.
  if (Buffer.byteLength(json) <= MAX_PAYLOAD_BYTES) return json;
  if (payload.type === "message") return JSON.stringify({ ...payload, body: excerpt(payload.body, 40) });
  return json;
}
