"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useState } from "react";
import { ApiError } from "../api/api-error";
import { deletePushDevice, fetchPushKey, postPushSubscription, pushKeys } from "./push-api";
import {
  currentAvailability,
  currentSubscription,
  forgetThisDevice,
  type PushAvailability,
  PushSetupError,
  rememberThisDevice,
  subscribeThisBrowser,
  thisDeviceId,
} from "./push-browser";

export interface ThisDevice {
  availability: PushAvailability | "checking";
  /** This browser's device id on the server (null: push is off here). */
  deviceId: string | null;
  busy: boolean;
  error: string | null;
  turnOn(): Promise<void>;
  turnOff(): Promise<void>;
  /** After this device was removed from the list: unsubscribe the browser too. */
  forget(): Promise<void>;
}

function describe(error: unknown): string {
  if (error instanceof PushSetupError) {
    if (error.reason === "blocked")
      return "Notifications are blocked for this site. Allow them in the browser's site settings, then try again.";
    if (error.reason === "dismissed")
      return "The browser did not get permission to show notifications. Try again and choose Allow.";
    return "The app's service worker is not running yet. Reload the page and try again.";
  }
  if (error instanceof ApiError) return error.message;
  return "This browser could not subscribe to push notifications (its push service may be unreachable). Try again later.";
}

/** This browser's push subscription: on or off, and turning it on or off. */
export function useThisDevice(knownDeviceIds: readonly string[] | undefined): ThisDevice {
  const queryClient = useQueryClient();
  const [availability, setAvailability] = useState<PushAvailability | "checking">("checking");
  const [endpoint, setEndpoint] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const found = currentAvailability();
    setAvailability(found);
    if (found !== "available") return;
    void currentSubscription()
      .then((sub) => setEndpoint(sub?.endpoint ?? null))
      .catch(() => setEndpoint(null));
  }, []);

  const saved = thisDeviceId(endpoint);
  // On only if the server still has it (it may have been removed from another device).
  const deviceId = saved && knownDeviceIds?.includes(saved) ? saved : null;

  const run = useCallback(
    async (work: () => Promise<void>) => {
      setBusy(true);
      setError(null);
      try {
        await work();
      } catch (caught) {
        setError(describe(caught));
        setAvailability(currentAvailability());
      } finally {
        setBusy(false);
        await queryClient.invalidateQueries({ queryKey: pushKeys.devices });
      }
    },
    [queryClient],
  );

  const turnOn = () =>
    run(async () => {
      const subscription = await subscribeThisBrowser(await fetchPushKey());
      const device = await postPushSubscription(subscription.toJSON());
      rememberThisDevice(subscription.endpoint, device.id);
      setEndpoint(subscription.endpoint);
    });

  const forget = async () => {
    const subscription = await currentSubscription();
    await subscription?.unsubscribe();
    forgetThisDevice();
    setEndpoint(null);
  };

  const turnOff = () =>
    run(async () => {
      if (deviceId) {
        try {
          await deletePushDevice(deviceId);
        } catch (caught) {
          // Already removed elsewhere: off is off.
          if (!(caught instanceof ApiError && caught.code === "PUSH_DEVICE_NOT_FOUND")) throw caught;
        }
      }
      await forget();
    });

  return { availability, deviceId, busy, error, turnOn, turnOff, forget };
}
