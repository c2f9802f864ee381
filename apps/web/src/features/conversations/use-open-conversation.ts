"use client";

import { useMutation } from "@tanstack/react-query";
import { useStoreRoom } from "../rooms/room-mutations";
import { openConversation } from "./conversations-api";

/** Opens (finds or creates) a conversation and puts it in the cache and the sidebar at once. */
export function useOpenConversation() {
  const storeRoom = useStoreRoom();
  return useMutation({ mutationFn: openConversation, onSuccess: storeRoom });
}
