/** A session's browser and system, as the settings page names it ("Firefox on macOS"). */
export interface DeviceDescription {
  browser: string;
  os: string;
  mobile: boolean;
}

const BROWSERS: Array<[RegExp, string]> = [
  // Order matters: Edge and Opera say "Chrome" too, Chrome says "Safari", iOS browsers say "Safari".
  [/Edg(?:e|A|iOS)?\//, "Edge"],
  [/OPR\/|Opera/, "Opera"],
  [/SamsungBrowser\//, "Samsung Internet"],
  [/Firefox\/|FxiOS\//, "Firefox"],
  [/Chrome\/|CriOS\/|Chromium\//, "Chrome"],
  [/Safari\//, "Safari"],
];

const SYSTEMS: Array<[RegExp, string]> = [
  [/iPhone/, "iPhone"],
  [/iPad/, "iPad"],
  [/Android/, "Android"],
  [/CrOS/, "ChromeOS"],
  [/Windows/, "Windows"],
  [/Mac OS X|Macintosh/, "macOS"],
  [/Linux/, "Linux"],
];

/**
 * A best guess from the User-Agent, for people to recognise their own devices — never for a
 * decision: the header is whatever the client chose to send.
 */
export function describeUserAgent(userAgent: string | null): DeviceDescription {
  if (!userAgent) return { browser: "Unknown browser", os: "unknown system", mobile: false };
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1] ?? "Unknown browser";
  const os = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1] ?? "unknown system";
  const mobile = /Mobi|iPhone|Android/.test(userAgent) && !/iPad/.test(userAgent);
  return { browser, os, mobile };
}

export function deviceLabel(userAgent: string | null): string {
  const { browser, os } = describeUserAgent(userAgent);
  return `${browser} on ${os}`;
}
