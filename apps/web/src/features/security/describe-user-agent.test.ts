import { describe, expect, it } from "vitest";
import { describeUserAgent, deviceLabel } from "./describe-user-agent";

describe("security: describing a session's user agent", () => {
  it("security: names common browsers and systems", () => {
    const cases: Array<[string, string]> = [
      [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
        "Chrome on Windows",
      ],
      [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
        "Edge on Windows",
      ],
      [
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:133.0) Gecko/20100101 Firefox/133.0",
        "Firefox on macOS",
      ],
      [
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1",
        "Safari on iPhone",
      ],
      [
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
        "Chrome on Android",
      ],
      [
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0 Safari/537.36",
        "Chrome on Linux",
      ],
    ];
    for (const [ua, label] of cases) expect(deviceLabel(ua), ua).toBe(label);
  });

  it("security: tells phones from computers, and copes with a missing or odd header", () => {
    expect(describeUserAgent("Mozilla/5.0 (iPhone; CPU iPhone OS 18_0) Safari/604.1").mobile).toBe(true);
    expect(describeUserAgent("Mozilla/5.0 (iPad; CPU OS 18_0) Safari/604.1").mobile).toBe(false);
    expect(describeUserAgent(null)).toEqual({
      browser: "Unknown browser",
      os: "unknown system",
      mobile: false,
    });
    expect(deviceLabel("curl/8.5.0")).toBe("Unknown browser on unknown system");
  });
});
