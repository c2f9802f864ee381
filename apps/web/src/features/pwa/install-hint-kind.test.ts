import { describe, expect, it } from "vitest";
import { installHintKind, isIos } from "./install-hint-kind";

const IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
const IPAD_DESKTOP_MODE =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15";
const ANDROID_CHROME =
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36";

describe("isIos", () => {
  it("knows iPhones, and iPads that say they are a Mac but have a touch screen", () => {
    expect(isIos(IPHONE, 5)).toBe(true);
    expect(isIos(IPAD_DESKTOP_MODE, 5)).toBe(true);
  });

  it("is false for a Mac (no touch) and for Android", () => {
    expect(isIos(IPAD_DESKTOP_MODE, 0)).toBe(false);
    expect(isIos(ANDROID_CHROME, 5)).toBe(false);
  });
});

describe("installHintKind", () => {
  const device = { standalone: false, dismissed: false, canPrompt: false, ios: false };

  it("offers the browser's prompt when there is one, and the manual steps on iOS", () => {
    expect(installHintKind({ ...device, canPrompt: true })).toBe("prompt");
    expect(installHintKind({ ...device, ios: true })).toBe("ios");
  });

  it("shows nothing when installed, dismissed, or the browser cannot install", () => {
    expect(installHintKind({ ...device, canPrompt: true, standalone: true })).toBeNull();
    expect(installHintKind({ ...device, ios: true, dismissed: true })).toBeNull();
    expect(installHintKind(device)).toBeNull();
  });
});
