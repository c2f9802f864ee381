import { z } from "zod";
import { Id, Seq, Timestamp } from "./common";

/**
 * Web Push: the subscriptions a person's devices register, the payload the service worker
 * receives (encrypted end to end, RFC 8291), and the receipt it sends back.
 */

/** base64url without padding, as PushSubscription.toJSON() gives the keys. */
const Base64Url = z.string().regex(/^[A-Za-z0-9_-]+={0,2}$/, "base64url");

/** What `PushSubscription.toJSON()` gives, plus nothing the browser did not say. */
export const PushSubscribeRequest = z.object({
  endpoint: z.string().url().max(2048),
  keys: z.object({
    /** The browser's P-256 public key: 65 bytes uncompressed, 87 characters base64url. */
    p256dh: Base64Url.min(86).max(90),
    /** The 16-byte auth secret: 22 characters base64url. */
    auth: Base64Url.min(21).max(26),
  }),
  /** Ignored when present (`toJSON()` includes it); kept so the browser's object passes as is. */
  expirationTime: z.number().nullable().optional(),
});
export type PushSubscribeRequest = z.infer<typeof PushSubscribeRequest>;

/** One of my devices as the settings page lists it. */
export const PushDevice = z.object({
  id: Id,
  /** "Chrome on Android"-style name, from the browser's user agent. */
  label: z.string(),
  createdAt: Timestamp,
  lastSentAt: Timestamp.nullable(),
  lastConfirmedAt: Timestamp.nullable(),
  /** Pushes sent to it have gone unconfirmed for longer than the server's threshold. */
  stale: z.boolean(),
  /** Failed deliveries in a row (reset by a delivery the push service accepted). */
  failures: z.number().int().nonnegative(),
  lastError: z.string().nullable(),
  /** The last test notification: when it was sent and when the device confirmed it. */
  testSentAt: Timestamp.nullable(),
  testConfirmedAt: Timestamp.nullable(),
});
export type PushDevice = z.infer<typeof PushDevice>;

export const PushDevicesResponse = z.object({ devices: z.array(PushDevice) });
export type PushDevicesResponse = z.infer<typeof PushDevicesResponse>;

/** After subscribing: the device as listed. */
export const PushSubscribeResponse = z.object({ device: PushDevice });
export type PushSubscribeResponse = z.infer<typeof PushSubscribeResponse>;

/** The server's VAPID public key (base64url), the `applicationServerKey` to subscribe with. */
export const PushKeyResponse = z.object({ publicKey: z.string() });
export type PushKeyResponse = z.infer<typeof PushKeyResponse>;

export const PushSettings = z.object({
  /** Notifications show the message text (off: only who wrote, and where). */
  previews: z.boolean(),
});
export type PushSettings = z.infer<typeof PushSettings>;

/** Send a test notification: to every device of mine, or one of them. */
export const PushTestRequest = z.object({ deviceId: Id.optional() });
export type PushTestRequest = z.infer<typeof PushTestRequest>;

export const PushTestResponse = z.object({ sentTo: z.number().int().nonnegative(), sentAt: Timestamp });
export type PushTestResponse = z.infer<typeof PushTestResponse>;

export const PushDeviceParams = z.object({ deviceId: Id });

/** What the service worker sends back when a push arrived (public route: the token proves it). */
export const PushReceiptRequest = z.object({
  subscriptionId: Id,
  token: z.string().min(16).max(128),
  /** The payload's type: a test's receipt also completes the settings page's round trip. */
  type: z.enum(["message", "read", "test"]),
});
export type PushReceiptRequest = z.infer<typeof PushReceiptRequest>;

/** The receipt part of every payload: where the service worker reports arrival. */
const PushReceipt = z.object({ subscriptionId: Id, token: z.string(), url: z.string() });

/**
 * The decrypted payload. Every notification of a room uses the tag `parley-room-<id>`, so a new one
 * replaces the last (collapsed, with the count of unread messages) — the same tag the page's desktop
 * notifications use, so the two never show one message twice; a `read` payload closes it.
 */
export const PushPayload = z.discriminatedUnion("type", [
  z.object({
    v: z.literal(1),
    type: z.literal("message"),
    tag: z.string(),
    roomId: Id,
    messageId: Id,
    seq: Seq,
    /** The room's name, or the person, for a direct message. */
    title: z.string(),
    /** "Ana: the text" — or "Ana: new message" with previews off; "(3 new messages)" appended. */
    body: z.string(),
    count: z.number().int().positive(),
    /** Opens the app at the message. */
    url: z.string(),
    receipt: PushReceipt,
  }),
  z.object({ v: z.literal(1), type: z.literal("read"), tag: z.string(), roomId: Id, receipt: PushReceipt }),
  z.object({
    v: z.literal(1),
    type: z.literal("test"),
    tag: z.string(),
    title: z.string(),
    body: z.string(),
    url: z.string(),
    receipt: PushReceipt,
  }),
]);
export type PushPayload = z.infer<typeof PushPayload>;

/** The tag of a room's notification (one per room, replaced by the next). */
export const pushTag = (roomId: string) => `parley-room-${roomId}`;

/** A server administrator's view of every device: does push work for everyone? */
export const AdminPushDevice = PushDevice.extend({
  user: z.object({ id: Id, displayName: z.string(), email: z.string() }),
});
export type AdminPushDevice = z.infer<typeof AdminPushDevice>;
export const AdminPushDevicesResponse = z.object({ devices: z.array(AdminPushDevice) });
export type AdminPushDevicesResponse = z.infer<typeof AdminPushDevicesResponse>;
