import type { PushDevice } from "@parley/protocol";

/** How long the settings page waits for a test's receipt before saying it did not come. */
export const TEST_TIMEOUT_MS = 30_000;

export type DeviceTone = "ok" | "warning" | "pending" | "muted";

/** "5 min ago", "3 h ago", "2 d ago" — short, for the device list. */
export function ago(iso: string, now: number): string {
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (seconds < 60) return "just now";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.round(hours / 24)} d ago`;
}

/**
 * What the list says about a device: whether pushes reach it (its last receipt), and the
 * state of its last test notification.
 */
export function deviceStatus(d: PushDevice, now: number): { tone: DeviceTone; text: string } {
  if (d.stale) {
    return {
      tone: "warning",
      text: d.lastConfirmedAt
        ? `Not confirmed lately — last confirmed ${ago(d.lastConfirmedAt, now)}`
        : "Not confirmed lately — no notification has been confirmed yet",
    };
  }
  if (d.failures > 0) return { tone: "warning", text: `Delivery failing (${d.failures}×) — will retry` };
  if (d.lastConfirmedAt)
    return { tone: "ok", text: `Working — last confirmed ${ago(d.lastConfirmedAt, now)}` };
  if (d.lastSentAt) return { tone: "pending", text: `Sent ${ago(d.lastSentAt, now)}, not confirmed yet` };
  return { tone: "muted", text: `Added ${ago(d.createdAt, now)} — nothing sent yet` };
}

export type TestState = "none" | "waiting" | "received" | "no-answer";

export function testState(d: Pick<PushDevice, "testSentAt" | "testConfirmedAt">, now: number): TestState {
  if (!d.testSentAt) return "none";
  if (d.testConfirmedAt && d.testConfirmedAt >= d.testSentAt) return "received";
  return now - Date.parse(d.testSentAt) > TEST_TIMEOUT_MS ? "no-answer" : "waiting";
}

export const TEST_TEXT: Record<Exclude<TestState, "none">, string> = {
  waiting: "Test sent — waiting for the device…",
  received: "Test notification received",
  "no-answer": "No answer to the test: check that notifications are allowed on this device",
};
