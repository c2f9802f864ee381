import { describe, expect, it } from "vitest";
import { type DesktopPermission, desktopSettingView, isDesktopOn } from "./desktop-setting";

const view = (permission: DesktopPermission, turnedOff = false) =>
  desktopSettingView({ permission, turnedOff });

describe("desktop setting", () => {
  it("desktop setting: not asked yet offers the opt-in", () => {
    expect(view("default")).toMatchObject({
      state: "off",
      action: { kind: "request", label: "Enable desktop notifications" },
    });
    expect(isDesktopOn({ permission: "default", turnedOff: false })).toBe(false);
  });

  it("desktop setting: granted is on, and can be turned off and on again in this browser", () => {
    expect(view("granted")).toMatchObject({ state: "on", action: { kind: "turn-off" } });
    expect(view("granted", true)).toMatchObject({ state: "off", action: { kind: "turn-on" } });
    expect(isDesktopOn({ permission: "granted", turnedOff: false })).toBe(true);
    expect(isDesktopOn({ permission: "granted", turnedOff: true })).toBe(false);
  });

  it("desktop setting: blocked says how to fix it; nothing to click that cannot work", () => {
    expect(view("denied")).toMatchObject({ state: "blocked", action: null });
    expect(view("denied").text).toMatch(/address bar/);
    expect(view("insecure")).toMatchObject({ state: "unavailable", action: null });
    expect(view("insecure").text).toMatch(/HTTPS/);
    expect(view("unsupported").action).toBeNull();
  });
});
