"use client";

import type { Room } from "@parley/protocol";
import { type QueryClient, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { queryKeys } from "../api/query-keys";
import { useCurrentUser } from "../auth/current-user";
import { useRealtime } from "../realtime/realtime-context";
import { type DesktopMessage, DesktopNotifier, type ShownNotification } from "./desktop-notifier";
import { readDesktopSetting } from "./desktop-permission";
import { isDesktopOn } from "./desktop-setting";

/**
 * Shows desktop notifications for this tab while it is hidden (see DesktopNotifier for which).
 * Mounted once, for as long as the signed-in app is.
 */
export function useDesktopNotifications(): void {
  const controller = useRealtime();
  const queryClient = useQueryClient();
  const user = useCurrentUser();
  const router = useRouter();
  // The notifier outlives renders; it reads the latest router and name through refs.
  const routerRef = useRef(router);
  const nameRef = useRef(user.displayName);
  useEffect(() => {
    routerRef.current = router;
    nameRef.current = user.displayName;
  }, [router, user.displayName]);

  useEffect(() => {
    const notifier = new DesktopNotifier({
      myId: user.id,
      myName: () => nameRef.current,
      isEnabled: () => isDesktopOn(readDesktopSetting()),
      isHidden: () => document.visibilityState === "hidden",
      roomOf: (roomId) => cachedRoom(queryClient, roomId),
      show: (message) => show(message, (href) => routerRef.current.push(href)),
    });
    return controller.subscribeFrames(notifier.handle);
  }, [controller, queryClient, user.id]);
}

/** The room as cached: its own query first (a membership frame refreshes it), then my list. */
function cachedRoom(queryClient: QueryClient, roomId: string): Room | null {
  return (
    queryClient.getQueryData<Room>(queryKeys.room(roomId)) ??
    queryClient.getQueryData<Room[]>(queryKeys.myRooms)?.find((r) => r.id === roomId) ??
    null
  );
}

function show(message: DesktopMessage, navigate: (href: string) => void): ShownNotification | null {
  try {
    const notification = new Notification(message.title, { body: message.body, tag: message.tag });
    notification.onclick = (event) => {
      // Otherwise some browsers also focus the tab their own way, without the navigation.
      event.preventDefault();
      window.focus();
      navigate(message.href);
      notification.close();
    };
    return notification;
  } catch (error) {
    // Chrome on Android allows notifications only from a service worker: there is nothing to
    // show, and the inbox still has the entry.
    console.warn("parley: could not show a desktop notification", error);
    return null;
  }
}
