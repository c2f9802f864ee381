import {
  createDecipheriv,
  createECDH,
  createHmac,
  createPublicKey,
  randomBytes,
  randomUUID,
  verify,
} from "node:crypto";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";

/**
 * A loopback stand-in for a browser vendor's push service (FCM, Mozilla autopush, APNs),
 * which tests cannot reach. It speaks the server side of RFC 8030 over HTTPS (web-push only
 * speaks https), checks each request's VAPID authorization (RFC 8292: an ES256 JWT for this
 * origin, signed by the key in `k`), and decrypts the RFC 8291 aes128gcm payload with the
 * subscription's private key and auth secret — generated here with node:crypto, as a browser
 * would — written from the RFC independently of the web-push library that encrypts.
 */

/** A self-signed certificate for 127.0.0.1 (valid for a century): tests only, loopback only. */
export const TEST_PUSH_CA = `-----BEGIN CERTIFICATE-----
MIIBuDCCAV+gAwIBAgIUPeJR6LAxTqFMoyhELFtRzt+VpbgwCgYIKoZIzj0EAwIw
IzEhMB8GA1UEAwwYcGFybGV5LXRlc3QtcHVzaC1zZXJ2aWNlMCAXDTI2MTEyNDIz
NDcxN1oYDzIxMjYxMDMxMjM0NzE3WjAjMSEwHwYDVQQDDBhwYXJsZXktdGVzdC1w
dXNoLXNlcnZpY2UwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAAT/j4LJAHmIhjqH
PMzt9IK7pejldgHcW0ysSRCLmCeOMoQSWCFhDUCHkWh0qwDolO7fxqI1yKhGwm80
hX73OVkuo28wbTAdBgNVHQ4EFgQUBf1ncKzZXnlts0Nb4bLyUVECXFkwHwYDVR0j
BBgwFoAUBf1ncKzZXnlts0Nb4bLyUVECXFkwDwYDVR0TAQH/BAUwAwEB/zAaBgNV
HREEEzARhwR/AAABgglsb2NhbGhvc3QwCgYIKoZIzj0EAwIDRwAwRAIgBT7Rh+eN
qrLVyT7vbbcYVuZ+qHOfYn5yGvuC2/d6jDICIB6KPun2Oivc8tKDGLU+Xg/yrQvu
SN6BfP9Jwcx/hNCr
-----END CERTIFICATE-----
`;
// The certificate's key: a throwaway that protects nothing but this loopback test server.
const TEST_PUSH_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgtRCTcdSbpIfCPAxJ
XJnwzeXaPPqVaXSAQk/W4jKKqcWhRANCAAT/j4LJAHmIhjqHPMzt9IK7pejldgHc
W0ysSRCLmCeOMoQSWCFhDUCHkWh0qwDolO7fxqI1yKhGwm80hX73OVku
-----END PRIVATE KEY-----
`;

/** A browser's subscription: what it gives the app (endpoint, keys) and keeps (private key). */
export interface TestSubscription {
  id: string;
  endpoint: string;
  keys: { p256dh: string; auth: string };
  privateKey: Buffer;
}

export interface ReceivedPush {
  subscriptionId: string;
  /** The decrypted payload, parsed as JSON. */
  payload: unknown;
  ttl: number;
  urgency: string | undefined;
  topic: string | undefined;
  /** The VAPID JWT's claims (verified). */
  claims: { aud: string; exp: number; sub: string };
  /** The VAPID public key the JWT was signed with. */
  vapidKey: string;
}

export interface TestPushService {
  url: string;
  /** A new subscription, as PushManager.subscribe() would make one. */
  subscribe(): TestSubscription;
  /** Every push delivered (accepted with 201), in order. */
  received: ReceivedPush[];
  /** Answer the next pushes to this subscription with this status (404/410: gone; 500: down). */
  answer(subscriptionId: string, status: number): void;
  /** Requests refused because the VAPID authorization or the encryption was wrong. */
  rejected: string[];
  waitFor(predicate: (push: ReceivedPush) => boolean, timeoutMs?: number): Promise<ReceivedPush>;
  close(): Promise<void>;
}

const b64u = (b: Buffer) => b.toString("base64url");
const hmac = (key: Buffer, data: Buffer) => createHmac("sha256", key).update(data).digest();

/** RFC 8291 §3.4 and RFC 8188 §2: decrypts one aes128gcm body for a subscription. */
export function decryptAes128gcm(body: Buffer, sub: TestSubscription): Buffer {
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const idLength = body.readUInt8(20);
  const senderPublic = body.subarray(21, 21 + idLength);
  const ciphertext = body.subarray(21 + idLength);
  if (idLength !== 65) throw new Error(`keyid must be the sender's 65-byte public key, got ${idLength}`);
  if (ciphertext.length > recordSize) throw new Error("more than one record");

  const ecdh = createECDH("prime256v1");
  ecdh.setPrivateKey(sub.privateKey);
  const uaPublic = ecdh.getPublicKey();
  const ecdhSecret = ecdh.computeSecret(senderPublic);
  const authSecret = Buffer.from(sub.keys.auth, "base64url");
  // HKDF(auth_secret, ecdh_secret, "WebPush: info" || 0x00 || ua_public || as_public, 32)
  const prkKey = hmac(authSecret, ecdhSecret);
  const keyInfo = Buffer.concat([Buffer.from("WebPush: info\0"), uaPublic, senderPublic, Buffer.from([1])]);
  const ikm = hmac(prkKey, keyInfo);
  const prk = hmac(salt, ikm);
  const cek = hmac(prk, Buffer.from("Content-Encoding: aes128gcm\0\x01")).subarray(0, 16);
  const nonce = hmac(prk, Buffer.from("Content-Encoding: nonce\0\x01")).subarray(0, 12);
  const decipher = createDecipheriv("aes-128-gcm", cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const padded = Buffer.concat([
    decipher.update(ciphertext.subarray(0, ciphertext.length - 16)),
    decipher.final(),
  ]);
  // The last record ends with the delimiter 0x02 and then zero or more 0x00 of padding.
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (padded[end] !== 2) throw new Error("missing the last-record padding delimiter");
  return padded.subarray(0, end);
}

/** RFC 8292: `vapid t=<jwt>, k=<key>`; the JWT must be ES256 by `k`, for this origin, unexpired. */
function verifyVapid(
  header: string | undefined,
  origin: string,
): { claims: ReceivedPush["claims"]; key: string } {
  const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(header ?? "");
  if (!match) throw new Error(`bad Authorization header: ${header}`);
  const [, jwt = "", key = ""] = match;
  const [head = "", body = "", signature = ""] = jwt.split(".");
  const alg = JSON.parse(Buffer.from(head, "base64url").toString()).alg;
  if (alg !== "ES256") throw new Error(`JWT alg ${alg}`);
  const raw = Buffer.from(key, "base64url");
  const publicKey = createPublicKey({
    key: { kty: "EC", crv: "P-256", x: b64u(raw.subarray(1, 33)), y: b64u(raw.subarray(33, 65)) },
    format: "jwk",
  });
  const ok = verify(
    "sha256",
    Buffer.from(`${head}.${body}`),
    { key: publicKey, dsaEncoding: "ieee-p1363" },
    Buffer.from(signature, "base64url"),
  );
  if (!ok) throw new Error("JWT signature does not verify with k");
  const claims = JSON.parse(Buffer.from(body, "base64url").toString()) as ReceivedPush["claims"];
  if (claims.aud !== origin) throw new Error(`JWT aud ${claims.aud}, expected ${origin}`);
  if (claims.exp * 1000 < Date.now()) throw new Error("JWT expired");
  if (!/^(mailto:|https:\/\/)/.test(claims.sub)) throw new Error(`JWT sub ${claims.sub}`);
  return { claims, key };
}

export async function startTestPushService(): Promise<TestPushService> {
  const subscriptions = new Map<string, TestSubscription>();
  const answers = new Map<string, number>();
  const received: ReceivedPush[] = [];
  const rejected: string[] = [];
  const waiters = new Set<() => void>();
  let origin = "";

  const server: Server = createServer({ cert: TEST_PUSH_CA, key: TEST_PUSH_KEY }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const id = /^\/push\/([0-9a-f-]+)$/.exec(req.url ?? "")?.[1] ?? "";
      const sub = subscriptions.get(id);
      if (req.method !== "POST" || !sub) {
        res.writeHead(404).end();
        return;
      }
      const status = answers.get(id);
      if (status !== undefined) {
        res.writeHead(status).end("answered as told");
        return;
      }
      try {
        if (req.headers["content-encoding"] !== "aes128gcm")
          throw new Error("Content-Encoding must be aes128gcm");
        const ttl = Number(req.headers.ttl);
        if (!Number.isInteger(ttl) || ttl < 0) throw new Error("TTL header missing");
        const { claims, key } = verifyVapid(req.headers.authorization, origin);
        const plaintext = decryptAes128gcm(Buffer.concat(chunks), sub);
        received.push({
          subscriptionId: id,
          payload: JSON.parse(plaintext.toString("utf8")),
          ttl,
          urgency: req.headers.urgency as string | undefined,
          topic: req.headers.topic as string | undefined,
          claims,
          vapidKey: key,
        });
        for (const wake of waiters) wake();
        res.writeHead(201, { location: `${origin}/message/${randomUUID()}` }).end();
      } catch (error) {
        rejected.push((error as Error).message);
        res.writeHead(400).end((error as Error).message);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: origin,
    received,
    rejected,
    subscribe() {
      const ecdh = createECDH("prime256v1");
      ecdh.generateKeys();
      const id = randomUUID();
      const sub: TestSubscription = {
        id,
        endpoint: `${origin}/push/${id}`,
        keys: { p256dh: b64u(ecdh.getPublicKey()), auth: b64u(randomBytes(16)) },
        privateKey: ecdh.getPrivateKey(),
      };
      subscriptions.set(id, sub);
      return sub;
    },
    answer(subscriptionId, status) {
      answers.set(subscriptionId, status);
    },
    waitFor(predicate, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const hit = received.find(predicate);
          if (!hit) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(hit);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(`no such push within ${timeoutMs} ms (rejected: ${rejected.join("; ") || "none"})`),
          );
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
