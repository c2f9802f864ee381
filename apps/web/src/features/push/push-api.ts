import {
  API,
  type PushDevice,
  PushDevicesResponse,
  PushKeyResponse,
  PushSettings,
  PushSubscribeResponse,
  PushTestResponse,
} from "@parley/protocol";
import { apiDeleteEmpty, apiGet, apiPost, apiPutEmpty } from "../api/api-client";

export const pushKeys = {
  devices: ["push", "devices"] as const,
  settings: ["push", "settings"] as const,
};

export async function fetchPushKey(): Promise<string> {
  return (await apiGet(API.pushKey, PushKeyResponse)).publicKey;
}

export async function fetchPushDevices(): Promise<PushDevice[]> {
  return (await apiGet(API.pushDevices, PushDevicesResponse)).devices;
}

/** Registers this browser's subscription (`PushSubscription.toJSON()`) for me. */
export async function postPushSubscription(subscription: PushSubscriptionJSON): Promise<PushDevice> {
  return (await apiPost(API.pushDevices, subscription, PushSubscribeResponse)).device;
}

export function deletePushDevice(deviceId: string): Promise<void> {
  return apiDeleteEmpty(API.pushDevice(deviceId));
}

export function fetchPushSettings(): Promise<PushSettings> {
  return apiGet(API.pushSettings, PushSettings);
}

export function putPushSettings(settings: PushSettings): Promise<void> {
  return apiPutEmpty(API.pushSettings, settings);
}

/** Sends a test notification to every device of mine (or one). */
export function postPushTest(deviceId?: string) {
  return apiPost(API.pushTest, deviceId ? { deviceId } : {}, PushTestResponse);
}
