"use client";

import type { PushDevice } from "@parley/protocol";
import { useState } from "react";
import { useNow } from "../notifications/use-now";
import styles from "../settings/settings.module.css";
import { Spinner } from "../ui/spinner";
import { deviceStatus, TEST_TEXT, testState } from "./device-status";
import own from "./push.module.css";
import {
  usePushDevices,
  usePushSettings,
  useRemovePushDevice,
  useSendTestPush,
  useSetPreviews,
} from "./use-push-devices";
import { type ThisDevice, useThisDevice } from "./use-this-device";

const UNAVAILABLE: Record<string, string> = {
  unsupported:
    "This browser cannot receive push notifications here. Use a current Chrome, Edge, Firefox or Safari, and the installed app or an https address.",
  "ios-install":
    "On iPhone and iPad, push notifications work in the installed app: tap Share, then Add to Home Screen, and open Parley from there.",
  blocked:
    "Notifications are blocked for this site. Allow them in the browser's site settings, then come back here.",
};

/** The Notifications settings: push on this device, previews, a test, and my devices. */
export function PushSettings() {
  const devices = usePushDevices();
  const thisDevice = useThisDevice(devices.data?.map((d) => d.id));
  return (
    <>
      <section className={styles.section} aria-labelledby="push-this-device">
        <h2 id="push-this-device" className={styles.sectionTitle}>
          Push notifications
        </h2>
        <p className={styles.sectionLead}>
          Direct messages and mentions (and every message of rooms you set to “All”) reach this device even
          when Parley is closed — never for what you already read elsewhere.
        </p>
        <div className={`${styles.card} ${own.stack}`}>
          <ThisDeviceRow device={thisDevice} />
          <PreviewsRow />
          <TestRow hasDevices={(devices.data?.length ?? 0) > 0} />
        </div>
      </section>
      <section className={styles.section} aria-labelledby="push-devices">
        <h2 id="push-devices" className={styles.sectionTitle}>
          Your devices
        </h2>
        <p className={styles.sectionLead}>
          Each browser or phone where you turned push on. A device confirms every notification it gets, so you
          can see which ones really receive them.
        </p>
        <DeviceList devices={devices} thisDevice={thisDevice} />
      </section>
    </>
  );
}

function ThisDeviceRow({ device }: { device: ThisDevice }) {
  const on = device.deviceId !== null;
  const unavailable = device.availability !== "available" && device.availability !== "checking";
  return (
    <div className={own.row}>
      <div className={own.rowText}>
        <h3 className={own.rowTitle}>
          On this device{" "}
          {device.availability === "checking" ? null : (
            <span className={`badge ${on ? "badge-accent" : unavailable ? "badge-warning" : ""}`}>
              {on ? "On" : unavailable ? "Unavailable" : "Off"}
            </span>
          )}
        </h3>
        <p className="hint">
          {unavailable
            ? UNAVAILABLE[device.availability]
            : on
              ? "This browser gets push notifications."
              : "Turn on to get notifications here when Parley is not open."}
        </p>
        {device.error && (
          <p className="field-error" role="alert">
            {device.error}
          </p>
        )}
      </div>
      {!unavailable && device.availability !== "checking" && (
        <button
          type="button"
          className={`btn btn-small ${on ? "" : "btn-primary"}`}
          disabled={device.busy}
          onClick={() => void (on ? device.turnOff() : device.turnOn())}
        >
          {device.busy ? <Spinner size={14} /> : null}
          {on ? "Turn off" : "Turn on"}
        </button>
      )}
    </div>
  );
}

function PreviewsRow() {
  const settings = usePushSettings();
  const setPreviews = useSetPreviews();
  const previews = settings.data?.previews ?? true;
  return (
    <label className={own.row}>
      <span className={own.rowText}>
        <span className={own.rowTitle}>Show message text</span>
        <span className="hint">
          {previews
            ? "Notifications show who wrote, where, and the start of the message."
            : "Notifications say only who wrote and where — useful on a shared screen."}
        </span>
        {setPreviews.isError && (
          <span className="field-error" role="alert">
            The setting was not saved. Try again.
          </span>
        )}
      </span>
      <input
        type="checkbox"
        role="switch"
        aria-checked={previews}
        className={own.switch}
        checked={previews}
        disabled={settings.isPending}
        onChange={(e) => setPreviews.mutate(e.target.checked)}
      />
    </label>
  );
}

function TestRow({ hasDevices }: { hasDevices: boolean }) {
  const test = useSendTestPush();
  return (
    <div className={own.row}>
      <div className={own.rowText}>
        <h3 className={own.rowTitle}>Check that it works</h3>
        <p className="hint" aria-live="polite">
          {!hasDevices
            ? "Turn push on for a device first."
            : test.isSuccess
              ? `Test sent to ${test.data.sentTo} ${test.data.sentTo === 1 ? "device" : "devices"}. Each one below says when it arrives.`
              : "Sends a notification to each of your devices; each confirms it below."}
        </p>
        {test.isError && (
          <p className="field-error" role="alert">
            The test could not be sent. Try again.
          </p>
        )}
      </div>
      <button
        type="button"
        className="btn btn-small"
        disabled={!hasDevices || test.isPending}
        onClick={() => test.mutate()}
      >
        Send a test notification
      </button>
    </div>
  );
}

function DeviceList({
  devices,
  thisDevice,
}: {
  devices: ReturnType<typeof usePushDevices>;
  thisDevice: ThisDevice;
}) {
  const now = useNow(10_000).getTime();
  const remove = useRemovePushDevice();
  const [removing, setRemoving] = useState<string | null>(null);

  if (devices.isPending) {
    return (
      <div className={`${styles.card} ${own.center}`}>
        <Spinner label="Loading your devices" />
      </div>
    );
  }
  if (devices.isError) {
    return (
      <div className={`${styles.card} ${own.center}`}>
        <p className="alert" role="alert">
          Your devices could not be loaded.
        </p>
        <button type="button" className="btn btn-small" onClick={() => void devices.refetch()}>
          Try again
        </button>
      </div>
    );
  }
  if (devices.data.length === 0) {
    return (
      <div className={`${styles.card} ${own.empty}`}>
        <p className={own.rowTitle}>No devices yet</p>
        <p className="hint">Turn push on above on each phone or computer where you want notifications.</p>
      </div>
    );
  }

  async function removeDevice(device: PushDevice) {
    setRemoving(device.id);
    try {
      await remove.mutateAsync(device.id);
      if (device.id === thisDevice.deviceId) await thisDevice.forget();
    } finally {
      setRemoving(null);
    }
  }

  return (
    <ul className={`${styles.card} ${own.devices}`} aria-label="Your devices">
      {devices.data.map((device) => {
        const status = deviceStatus(device, now);
        const test = testState(device, now);
        return (
          <li
            key={device.id}
            className={own.device}
            data-testid="push-device"
            data-stale={device.stale || undefined}
          >
            <div className={own.rowText}>
              <span className={own.rowTitle}>
                {device.label}
                {device.id === thisDevice.deviceId && <span className="badge badge-accent">This device</span>}
              </span>
              <span className={`${own.status} ${own[status.tone]}`}>{status.text}</span>
              {test !== "none" && (
                <span
                  className={`hint ${test === "received" ? "hint-ok" : test === "no-answer" ? "hint-warning" : ""}`}
                  data-testid="push-test-state"
                  data-state={test}
                >
                  {TEST_TEXT[test]}
                </span>
              )}
            </div>
            <button
              type="button"
              className="btn btn-small btn-ghost"
              disabled={removing === device.id}
              aria-label={`Remove ${device.label}`}
              onClick={() => void removeDevice(device)}
            >
              Remove
            </button>
          </li>
        );
      })}
      {remove.isError && (
        <li className="field-error" role="alert">
          The device could not be removed. Try again.
        </li>
      )}
    </ul>
  );
}
