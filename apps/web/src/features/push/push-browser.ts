/**
 * The browser side of Web Push: can this browser do it, and this browser's subscription.
 * No React here. The service worker is registered by features/pwa (production builds only);
 * push needs it, so in development push is reported unavailable.
 */

export type PushAvailability =
  | "available"
  /** No service worker, PushManager or Notification (old browser, `npm run dev`, insecure origin). */
  | "unsupported"
  /** iPhone/iPad Safari: Web Push works only in the app added to the Home Screen. */
  | "ios-install"
  /** The person blocked notifications for this site in the browser. */
  | "blocked";

export function pushAvailability(env: {
  hasServiceWorker: boolean;
  hasPushManager: boolean;
  permission: NotificationPermission | null;
  userAgent: string;
  standalone: boolean;
}): PushAvailability {
  const ios = /iPhone|iPad|iPod/.test(env.userAgent);
  if (ios && !env.standalone && !env.hasPushManager) return "ios-install";
  if (!env.hasServiceWorker || !env.hasPushManager || env.permission === null) return "unsupported";
  if (env.permission === "denied") return "blocked";
  return "available";
}

export function currentAvailability(): PushAvailability {
  if (typeof window === "undefined") return "unsupported";
  return pushAvailability({
    hasServiceWorker: "serviceWorker" in navigator,
    hasPushManager: "PushManager" in window,
    permission: "Notification" in window ? Notification.permission : null,
    userAgent: navigator.userAgent,
    standalone: window.matchMedia?.("(display-mode: standalone)").matches ?? false,
  });
}

/** The VAPID key (base64url) as the bytes `applicationServerKey` takes. */
export function base64UrlToBytes(text: string): Uint8Array<ArrayBuffer> {
  const padded = text
    .replace(/-/g, "+")
    .replace(/_/g, "/")
    .padEnd(Math.ceil(text.length / 4) * 4, "=");
  const raw = atob(padded);
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

/** The active service worker's registration, or null when there is none (yet). */
async function registration(): Promise<ServiceWorkerRegistration | null> {
  const found = await navigator.serviceWorker.getRegistration();
  if (!found) return null;
  return navigator.serviceWorker.ready;
}

export async function currentSubscription(): Promise<PushSubscription | null> {
  const reg = await registration();
  return reg ? reg.pushManager.getSubscription() : null;
}

/**
 * Asks for permission (on this click) and subscribes with the server's key. A subscription
 * made with another key (the server's data folder was replaced) is dropped and made again.
 */
export async function subscribeThisBrowser(publicKey: string): Promise<PushSubscription> {
  const permission = await Notification.requestPermission();
  if (permission !== "granted") throw new PushSetupError(permission === "denied" ? "blocked" : "dismissed");
  const reg = await registration();
  if (!reg) throw new PushSetupError("no-worker");
  const key = base64UrlToBytes(publicKey);
  const existing = await reg.pushManager.getSubscription();
  if (existing) {
    const same = existing.options.applicationServerKey;
    if (same && equalBytes(new Uint8Array(same), key)) return existing;
    await existing.unsubscribe();
  }
  return reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
}

export class PushSetupError extends Error {
  constructor(readonly reason: "blocked" | "dismissed" | "no-worker") {
    super(reason);
    this.name = "PushSetupError";
  }
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** This browser's device id on the server, remembered per endpoint (the list has no endpoints). */
const THIS_DEVICE_KEY = "parley-push-device";

export function rememberThisDevice(endpoint: string, deviceId: string): void {
  try {
    localStorage.setItem(THIS_DEVICE_KEY, JSON.stringify({ endpoint, deviceId }));
  } catch {
    // Storage unavailable (private mode): "this device" is then not marked in the list.
  }
}

export function thisDeviceId(endpoint: string | null): string | null {
  if (!endpoint) return null;
  try {
    const saved = JSON.parse(localStorage.getItem(THIS_DEVICE_KEY) ?? "null") as {
      endpoint?: string;
      deviceId?: string;
    } | null;
    return saved?.endpoint === endpoint ? (saved.deviceId ?? null) : null;
  } catch {
    return null;
  }
}

export function forgetThisDevice(): void {
  try {
    localStorage.removeItem(THIS_DEVICE_KEY);
  } catch {
    // Nothing to forget.
  }
}
