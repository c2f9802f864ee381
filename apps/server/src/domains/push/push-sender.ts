import { createHash } from "node:crypto";
import { Agent } from "node:https";
import webpush, { WebPushError } from "web-push";
import type { VapidKeys } from "./vapid-keys";

export interface PushTarget {
  endpoint: string;
  p256dh: string;
  auth: string;
}

export type PushOutcome =
  /** The push service took it (201). */
  | { kind: "sent" }
  /** 404/410: the subscription is gone for good (unsubscribed, expired): drop it. */
  | { kind: "gone"; status: number }
  /** Anything else (5xx, 429, network): worth retrying later. */
  | { kind: "failed"; error: string };

export interface PushSender {
  readonly publicKey: string;
  send(
    target: PushTarget,
    payload: string,
    options: { topic?: string; urgency?: "normal" | "high" },
  ): Promise<PushOutcome>;
}

/** How long a push waits at the push service for an offline device: a day, then it is stale news. */
const TTL_SECONDS = 24 * 3600;

/**
 * Sends encrypted pushes with the web-push library: RFC 8030 delivery, RFC 8291 aes128gcm
 * payload encryption, VAPID (RFC 8292) signed with the server's keys. `topic` lets the push
 * service itself replace a queued push of the same room (a phone offline all day gets one
 * notification per room, not hundreds).
 */
export function createWebPushSender(
  keys: VapidKeys,
  subject: string,
  options: { trustedCa?: string } = {},
): PushSender {
  const agent = options.trustedCa ? new Agent({ ca: options.trustedCa, keepAlive: true }) : undefined;
  return {
    publicKey: keys.publicKey,
    async send(target, payload, { topic, urgency = "normal" }) {
      try {
        await webpush.sendNotification(
          { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
          payload,
          {
            vapidDetails: { subject, publicKey: keys.publicKey, privateKey: keys.privateKey },
            TTL: TTL_SECONDS,
            urgency,
            topic: topic ? pushTopic(topic) : undefined,
            timeout: 10_000,
            agent,
          },
        );
        return { kind: "sent" };
      } catch (error) {
        if (error instanceof WebPushError) {
          if (error.statusCode === 404 || error.statusCode === 410)
            return { kind: "gone", status: error.statusCode };
          return {
            kind: "failed",
            error: `push service answered ${error.statusCode}: ${error.body.slice(0, 200)}`,
          };
        }
        return { kind: "failed", error: (error as Error).message.slice(0, 300) };
      }
    },
  };
}

/** A Topic header must be at most 32 base64url characters: a digest of the room's tag. */
export function pushTopic(tag: string): string {
  return createHash("sha256").update(tag).digest("base64url").slice(0, 32);
}
