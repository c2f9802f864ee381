"use client";

import { useEffect, useState } from "react";
import { CloseIcon } from "../ui/icons";
import { installHintKind, isIos } from "./install-hint-kind";
import { promptInstall, useInstallPrompt } from "./install-prompt";
import styles from "./pwa.module.css";

const DISMISSED_KEY = "parley.installHint.dismissed";

interface Device {
  standalone: boolean;
  dismissed: boolean;
  ios: boolean;
}

function readDevice(): Device {
  const standalone =
    window.matchMedia("(display-mode: standalone)").matches ||
    (navigator as Navigator & { standalone?: boolean }).standalone === true;
  let dismissed = false;
  try {
    dismissed = window.localStorage.getItem(DISMISSED_KEY) === "1";
  } catch {
    // Storage blocked (private mode): the hint just comes back next time.
  }
  return { standalone, dismissed, ios: isIos(navigator.userAgent, navigator.maxTouchPoints) };
}

/**
 * "Install Parley", at the bottom of the sidebar: the browser's install prompt where it offers
 * one (Chromium), the Share → Add to Home Screen steps on iOS. Gone once installed or dismissed
 * (remembered on this device).
 */
export function InstallHint() {
  const prompt = useInstallPrompt();
  // Read after mount: the server render knows nothing of the device.
  const [device, setDevice] = useState<Device | null>(null);
  useEffect(() => setDevice(readDevice()), []);
  if (!device) return null;
  const kind = installHintKind({ ...device, canPrompt: prompt !== null });
  if (!kind) return null;

  const dismiss = () => {
    try {
      window.localStorage.setItem(DISMISSED_KEY, "1");
    } catch {
      // See readDevice.
    }
    setDevice({ ...device, dismissed: true });
  };

  return (
    <section className={styles.hint} aria-label="Install Parley">
      {/* biome-ignore lint/performance/noImgElement: a tiny static PNG; next/image adds nothing here. */}
      <img className={styles.hintIcon} src="/icons/icon-192.png" alt="" width={36} height={36} />
      <div className={styles.hintText}>
        <strong>Install Parley</strong>
        {kind === "prompt" ? (
          <span>Open it from your home screen or dock, like any app.</span>
        ) : (
          <span>
            Tap Share <ShareIcon /> then <b>Add to Home Screen</b>.
          </span>
        )}
        {kind === "prompt" && prompt && (
          <button
            type="button"
            className={`btn btn-primary ${styles.hintInstall}`}
            onClick={() => void promptInstall(prompt)}
          >
            Install
          </button>
        )}
      </div>
      <button type="button" className={styles.hintClose} aria-label="Dismiss install hint" onClick={dismiss}>
        <CloseIcon />
      </button>
    </section>
  );
}

/** iOS's share glyph (a box with an arrow out of it), as on the Safari toolbar. */
function ShareIcon() {
  return (
    <svg
      className={styles.shareIcon}
      width="16"
      height="16"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      role="img"
      aria-label="(the share icon)"
    >
      <path d="M12 3v12M8 7l4-4 4 4" />
      <path d="M8 11H6a1 1 0 0 0-1 1v8a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1v-8a1 1 0 0 0-1-1h-2" />
    </svg>
  );
}
