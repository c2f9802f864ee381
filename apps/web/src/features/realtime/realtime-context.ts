"use client";

import { createContext, useContext, useSyncExternalStore } from "react";
import type { RealtimeController } from "./realtime-controller";
import type { ConnectionStatus } from "./socket-client";

export const RealtimeContext = createContext<RealtimeController | null>(null);

export function useRealtime(): RealtimeController {
  const controller = useContext(RealtimeContext);
  if (controller === null) throw new Error("useRealtime must be used inside <RealtimeProvider>");
  return controller;
}

export function useConnectionStatus(): ConnectionStatus {
  const controller = useRealtime();
  return useSyncExternalStore(controller.subscribeStatus, controller.getStatus, () => "connecting");
}
