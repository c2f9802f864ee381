// Web Push handlers, loaded by sw.js (importScripts). Plain JavaScript, no build step; the
// payload's shape is PushPayload in packages/protocol/src/push.ts.
//
// - "message": one notification per room (tag `parley-room-<id>`, the same tag the page's own
//   desktop notifications use), replaced by each newer push of the room and saying how many
//   messages wait there. An older push arriving after a newer one never replaces it.
// - "read": the room was read on some device: its notification is closed.
// - "test": the settings page's "Send a test notification".
// Every push is confirmed to the server (the payload's receipt: subscription id and token), so
// the settings page and the administrator see which devices really get them.
// A click opens the app at the message, in an open Parley window if there is one.

const PUSH_ICON = "/icons/icon-192.png";

/** Tells the server this device got the push. Best effort: a lost receipt only delays "confirmed". */
async function sendPushReceipt(payload) {
  const receipt = payload?.receipt;
  if (!receipt || typeof receipt.url !== "string") return;
  try {
    await fetch(receipt.url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json", "x-parley-csrf": "1" },
      body: JSON.stringify({
        subscriptionId: receipt.subscriptionId,
        token: receipt.token,
        type: payload.type,
      }),
    });
  } catch (error) {
    console.warn("push receipt not sent", error);
  }
}

/** Whether a Parley window is in front of the person now (it shows what arrives by itself). */
async function windowInFront() {
  const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  return windows.some((client) => client.focused && client.visibilityState === "visible");
}

/**
 * Shows (or does not) what a push says. Exposed on `self` for the unit test.
 * @param {any} payload the decrypted PushPayload
 */
async function handlePushPayload(payload) {
  const registration = self.registration;
  if (payload?.v !== 1 || typeof payload.type !== "string") {
    // Browsers demand a visible notification for every push; say something rather than nothing.
    await registration.showNotification("Parley", { body: "New activity", icon: PUSH_ICON });
    return;
  }
  if (payload.type === "read") {
    const shown = await registration.getNotifications({ tag: payload.tag });
    for (const notification of shown) notification.close();
  } else if (payload.type === "test") {
    await registration.showNotification(payload.title, {
      body: payload.body,
      tag: payload.tag,
      icon: PUSH_ICON,
      badge: PUSH_ICON,
      data: { url: payload.url },
    });
  } else if (payload.type === "message") {
    const shown = await registration.getNotifications({ tag: payload.tag });
    const newer = shown.some((n) => n.data && typeof n.data.seq === "number" && n.data.seq > payload.seq);
    if (!newer && !(await windowInFront())) {
      await registration.showNotification(payload.title, {
        body: payload.body,
        tag: payload.tag,
        // A replaced notification alerts again: it is news (one more message).
        renotify: true,
        icon: PUSH_ICON,
        badge: PUSH_ICON,
        timestamp: Date.now(),
        data: { url: payload.url, seq: payload.seq, roomId: payload.roomId },
      });
    }
  }
  await sendPushReceipt(payload);
}
self.parleyHandlePushPayload = handlePushPayload;

self.addEventListener("push", (event) => {
  let payload = null;
  try {
    payload = event.data ? event.data.json() : null;
  } catch {
    payload = null;
  }
  event.waitUntil(handlePushPayload(payload));
});

/** Opens the app at the notification's message: focuses an open window, or opens one. */
async function openFromNotification(url) {
  const target = new URL(url || "/rooms", self.location.origin);
  if (target.origin !== self.location.origin) return;
  const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  const open = windows.find((client) => new URL(client.url).origin === target.origin);
  if (open) {
    try {
      await open.focus();
    } catch {
      // Focusing needs the click's user activation; without it, navigating still shows the message.
    }
    if ("navigate" in open) {
      try {
        await open.navigate(target.href);
        return;
      } catch {
        // Not controlled by this worker (navigate() refuses): open a window instead.
      }
    }
  }
  await self.clients.openWindow(target.href);
}
self.parleyOpenFromNotification = openFromNotification;

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const data = event.notification.data || {};
  event.waitUntil(openFromNotification(data.url));
});

// The browser replaced the subscription (keys rotated, or it expired): register the new one,
// so pushes keep coming without the person visiting the settings.
self.addEventListener("pushsubscriptionchange", (event) => {
  event.waitUntil(
    (async () => {
      const subscription =
        event.newSubscription ||
        (event.oldSubscription
          ? await self.registration.pushManager.subscribe(event.oldSubscription.options)
          : null);
      if (!subscription) return;
      await fetch("/api/push/devices", {
        method: "POST",
        credentials: "same-origin",
        headers: { "content-type": "application/json", "x-parley-csrf": "1" },
        body: JSON.stringify(subscription.toJSON()),
      });
    })(),
  );
});
