/**
 * Whether this browser shows desktop notifications: the browser's permission, and my own
 * choice on top of it (a granted permission cannot be revoked from a page, so "Turn off" is
 * remembered here, per browser, as Slack does).
 */
export type DesktopPermission = "insecure" | "unsupported" | "default" | "granted" | "denied";

export interface DesktopSetting {
  permission: DesktopPermission;
  turnedOff: boolean;
}

export type DesktopAction = "request" | "turn-off" | "turn-on";

/** What the opt-in control says, and the one thing it offers to do. */
export interface DesktopSettingView {
  state: "on" | "off" | "blocked" | "unavailable";
  text: string;
  action: { kind: DesktopAction; label: string } | null;
}

export function isDesktopOn(setting: DesktopSetting): boolean {
  return setting.permission === "granted" && !setting.turnedOff;
}

export function desktopSettingView(setting: DesktopSetting): DesktopSettingView {
  switch (setting.permission) {
    case "insecure":
      return {
        state: "unavailable",
        text: "Desktop notifications need Parley to be opened over HTTPS (or on localhost).",
        action: null,
      };
    case "unsupported":
      return { state: "unavailable", text: "This browser cannot show desktop notifications.", action: null };
    case "denied":
      return {
        state: "blocked",
        text: "Desktop notifications are blocked for this site. To allow them, open the site settings from the icon at the left of the address bar, set Notifications to Allow, and reload the page.",
        action: null,
      };
    case "default":
      return {
        state: "off",
        text: "Get a desktop notification for mentions and direct messages while Parley is in the background.",
        action: { kind: "request", label: "Enable desktop notifications" },
      };
    case "granted":
      return setting.turnedOff
        ? {
            state: "off",
            text: "Desktop notifications are turned off in this browser.",
            action: { kind: "turn-on", label: "Turn on" },
          }
        : {
            state: "on",
            text: "You get a desktop notification for mentions and direct messages while Parley is in the background.",
            action: { kind: "turn-off", label: "Turn off" },
          };
  }
}
