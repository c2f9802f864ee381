import type { PushDevice } from "@parley/protocol";
import { describe, expect, it } from "vitest";
import { ago, deviceStatus, TEST_TIMEOUT_MS, testState } from "./device-status";
import { base64UrlToBytes, pushAvailability } from "./push-browser";

const NOW = Date.parse("2026-11-25T12:00:00.000Z");
const minutesAgo = (m: number) => new Date(NOW - m * 60_000).toISOString();
const device = (over: Partial<PushDevice> = {}): PushDevice => ({
  id: "0b8e6a52-52a4-4d35-a43a-8e6b3a1f1d11",
  label: "Chrome on Android",
  createdAt: minutesAgo(600),
  lastSentAt: null,
  lastConfirmedAt: null,
  stale: false,
  failures: 0,
  lastError: null,
  testSentAt: null,
  testConfirmedAt: null,
  ...over,
});

describe("push device status", () => {
  it("push device status: says whether pushes reach the device", () => {
    expect(deviceStatus(device(), NOW)).toEqual({ tone: "muted", text: "Added 10 h ago — nothing sent yet" });
    expect(deviceStatus(device({ lastSentAt: minutesAgo(2) }), NOW)).toEqual({
      tone: "pending",
      text: "Sent 2 min ago, not confirmed yet",
    });
    expect(deviceStatus(device({ lastSentAt: minutesAgo(2), lastConfirmedAt: minutesAgo(1) }), NOW)).toEqual({
      tone: "ok",
      text: "Working — last confirmed 1 min ago",
    });
    expect(deviceStatus(device({ failures: 3 }), NOW).tone).toBe("warning");
  });

  it("push device status: a stale device is flagged, with its last confirmation if any", () => {
    expect(deviceStatus(device({ stale: true, lastConfirmedAt: minutesAgo(3 * 24 * 60) }), NOW)).toEqual({
      tone: "warning",
      text: "Not confirmed lately — last confirmed 3 d ago",
    });
    expect(deviceStatus(device({ stale: true }), NOW).text).toMatch(/no notification has been confirmed yet/);
  });

  it("push device status: a test is waiting, then received — or unanswered after the timeout", () => {
    expect(testState(device(), NOW)).toBe("none");
    const sent = minutesAgo(0.1);
    expect(testState(device({ testSentAt: sent }), NOW)).toBe("waiting");
    expect(testState(device({ testSentAt: sent, testConfirmedAt: minutesAgo(0.05) }), NOW)).toBe("received");
    // An older test's receipt does not answer a newer test.
    expect(testState(device({ testSentAt: sent, testConfirmedAt: minutesAgo(5) }), NOW)).toBe("waiting");
    expect(testState(device({ testSentAt: sent }), NOW + TEST_TIMEOUT_MS + 1)).toBe("no-answer");
  });

  it("push device status: ages read short", () => {
    expect(ago(minutesAgo(0.2), NOW)).toBe("just now");
    expect(ago(minutesAgo(90), NOW)).toBe("2 h ago");
  });
});

describe("push browser support", () => {
  const env = {
    hasServiceWorker: true,
    hasPushManager: true,
    permission: "default" as NotificationPermission,
    userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0",
    standalone: false,
  };
  it("push browser support: available, blocked, unsupported, or install-first on iOS", () => {
    expect(pushAvailability(env)).toBe("available");
    expect(pushAvailability({ ...env, permission: "denied" })).toBe("blocked");
    expect(pushAvailability({ ...env, hasServiceWorker: false })).toBe("unsupported");
    expect(pushAvailability({ ...env, permission: null })).toBe("unsupported");
    const iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) Safari/604.1";
    expect(pushAvailability({ ...env, userAgent: iphone, hasPushManager: false, permission: null })).toBe(
      "ios-install",
    );
    expect(pushAvailability({ ...env, userAgent: iphone, standalone: true })).toBe("available");
  });

  it("push browser support: the VAPID key decodes to its 65 bytes", () => {
    const key = "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM";
    const bytes = base64UrlToBytes(key);
    expect(bytes).toHaveLength(65);
    expect(bytes[0]).toBe(4);
  });
});
