import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { deviceLabel } from "./device-label";
import { checkPushEndpoint } from "./endpoint-check";
import { loadOrCreateVapidKeys, vapidFile } from "./vapid-keys";

describe("push endpoint check", () => {
  it("push endpoint: the browser vendors' push services pass", () => {
    for (const url of [
      "https://fcm.googleapis.com/fcm/send/abc:def",
      "https://updates.push.services.mozilla.com/wpush/v2/gAAAA",
      "https://web.push.apple.com/QGx0",
      "https://wns2-par02p.notify.windows.com/w/?token=BQYAAA",
    ]) {
      expect(checkPushEndpoint(url, false)).toBe(new URL(url).href);
    }
  });

  it("push endpoint: anything the server should not POST to is refused (SSRF)", () => {
    for (const url of [
      "http://fcm.googleapis.com/fcm/send/x",
      "https://user:pw@fcm.googleapis.com/x",
      "https://localhost/x",
      "https://push.localhost/x",
      "https://127.0.0.1:8443/x",
      "https://10.1.2.3/x",
      "https://172.20.0.1/x",
      "https://192.168.1.1/x",
      "https://169.254.169.254/latest/meta-data",
      "https://100.64.0.1/x",
      "https://[::1]/x",
      "https://[fd00::1]/x",
      "https://[fe80::1]/x",
      "https://[::ffff:127.0.0.1]/x",
      "https://intranet/x",
      "ftp://example.org/x",
      "not a url",
    ]) {
      expect(() => checkPushEndpoint(url, false), url).toThrow(
        expect.objectContaining({ code: "PUSH_ENDPOINT_REJECTED" }),
      );
    }
  });

  it("push endpoint: loopback is allowed only for the test push service", () => {
    expect(checkPushEndpoint("https://127.0.0.1:8443/push/x", true)).toBe("https://127.0.0.1:8443/push/x");
    expect(() => checkPushEndpoint("https://10.0.0.1/x", true)).toThrow();
  });
});

describe("push device label", () => {
  it("push device label: names browser and system from the user agent", () => {
    const cases: Array<[string, string]> = [
      [
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
        "Chrome on Android",
      ],
      [
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
        "Safari on iPhone",
      ],
      [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
        "Edge on Windows",
      ],
      [
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.7; rv:133.0) Gecko/20100101 Firefox/133.0",
        "Firefox on macOS",
      ],
      ["curl/8.5.0", "Browser"],
    ];
    for (const [ua, label] of cases) expect(deviceLabel(ua)).toBe(label);
  });
});

describe("push VAPID keys", () => {
  it("push VAPID keys: made on first start, kept in the data folder (owner-only), the same ever after", () => {
    const dir = mkdtempSync(join(tmpdir(), "parley-vapid-"));
    try {
      const first = loadOrCreateVapidKeys(dir);
      expect(first.publicKey).toMatch(/^[A-Za-z0-9_-]{87}$/);
      expect(statSync(vapidFile(dir)).mode & 0o077).toBe(0);
      expect(loadOrCreateVapidKeys(dir)).toEqual(first);
      expect(JSON.parse(readFileSync(vapidFile(dir), "utf8"))).toEqual(first);
      // A damaged file stops the start instead of silently orphaning every subscription.
      writeFileSync(vapidFile(dir), "{");
      expect(() => loadOrCreateVapidKeys(dir)).toThrow(/Cannot read the VAPID keys/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
