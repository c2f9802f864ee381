/** What the install hint offers on this device, if anything. */
export type InstallHintKind = "prompt" | "ios" | null;

/**
 * iPhone, iPod or iPad. iPadOS reports itself as a Mac ("Macintosh" user agent) but has a
 * touch screen, which no Mac has.
 */
export function isIos(userAgent: string, maxTouchPoints: number): boolean {
  if (/\b(iPhone|iPad|iPod)\b/.test(userAgent)) return true;
  return /\bMacintosh\b/.test(userAgent) && maxTouchPoints > 1;
}

/**
 * Nothing once installed (opened from the home screen) or dismissed; the browser's own install
 * prompt where it offered one (Chromium's `beforeinstallprompt`); the manual steps on iOS,
 * whose browsers have no prompt to offer; otherwise nothing (a browser that cannot install).
 */
export function installHintKind(device: {
  standalone: boolean;
  dismissed: boolean;
  canPrompt: boolean;
  ios: boolean;
}): InstallHintKind {
  if (device.standalone || device.dismissed) return null;
  if (device.canPrompt) return "prompt";
  return device.ios ? "ios" : null;
}
