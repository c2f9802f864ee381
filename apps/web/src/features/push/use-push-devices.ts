"use client";

import type { PushDevice } from "@parley/protocol";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { testState } from "./device-status";
import {
  deletePushDevice,
  fetchPushDevices,
  fetchPushSettings,
  postPushTest,
  pushKeys,
  putPushSettings,
} from "./push-api";

/** My devices; polled while a test notification is on its way, so its receipt shows at once. */
export function usePushDevices() {
  return useQuery({
    queryKey: pushKeys.devices,
    queryFn: fetchPushDevices,
    refetchInterval: (query) => {
      const devices = query.state.data as PushDevice[] | undefined;
      const now = Date.now();
      return devices?.some((d) => testState(d, now) === "waiting") ? 1_500 : false;
    },
  });
}

export function useRemovePushDevice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deletePushDevice,
    onSettled: () => queryClient.invalidateQueries({ queryKey: pushKeys.devices }),
  });
}

export function useSendTestPush() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => postPushTest(),
    onSettled: () => queryClient.invalidateQueries({ queryKey: pushKeys.devices }),
  });
}

export function usePushSettings() {
  return useQuery({ queryKey: pushKeys.settings, queryFn: fetchPushSettings });
}

/** Previews on or off: shown at once, put back if the server refuses. */
export function useSetPreviews() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (previews: boolean) => putPushSettings({ previews }),
    onMutate: (previews) => {
      const previous = queryClient.getQueryData(pushKeys.settings);
      queryClient.setQueryData(pushKeys.settings, { previews });
      return { previous };
    },
    onError: (_error, _previews, context) => queryClient.setQueryData(pushKeys.settings, context?.previous),
  });
}
