"use client";

import { SOCKET_PATH } from "@parley/protocol";
import { useQueryClient } from "@tanstack/react-query";
import { usePathname, useRouter } from "next/navigation";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { forgetSession } from "../auth/session";
import { browserOutboxBackend } from "../messages/outbox-db";
import { syncReadReceipts } from "../reading/read-receipts";
import { syncReadStates } from "../reading/read-state-sync";
import { RealtimeContext } from "./realtime-context";
import { RealtimeController } from "./realtime-controller";

function socketUrl(): string {
  const scheme = window.location.protocol === "https:" ? "wss:" : "ws:";
  return `${scheme}//${window.location.host}${SOCKET_PATH}`;
}

/** Owns the session's socket for as long as the signed-in app is mounted. */
export function RealtimeProvider({ userId, children }: { userId: string; children: ReactNode }) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const pathname = usePathname();
  // The controller outlives renders; its callbacks read the latest route through refs.
  const pathnameRef = useRef(pathname);
  const routerRef = useRef(router);
  useEffect(() => {
    pathnameRef.current = pathname;
    routerRef.current = router;
  }, [pathname, router]);

  const [controller] = useState(
    () =>
      new RealtimeController({
        queryClient,
        userId,
        url: socketUrl,
        outboxBackend: browserOutboxBackend(userId),
        onSignedOut: () => forgetSession(queryClient),
        onLeftRoom: (roomId) => {
          if (pathnameRef.current === `/rooms/${roomId}`) routerRef.current.replace("/rooms");
        },
      }),
  );

  // Unread counts follow the socket (kept beside, not inside, the controller).
  useEffect(
    () => controller.subscribeFrames(syncReadStates(queryClient, userId)),
    [controller, queryClient, userId],
  );
  useEffect(() => controller.subscribeFrames(syncReadReceipts(queryClient)), [controller, queryClient]);

  useEffect(() => {
    controller.start();
    // Back online: do not sit out the rest of a long backoff. Gone offline: do not trust an
    // open socket (it can stay "open" and deaf); messages queue until we are back.
    const online = () => controller.retryConnectionNow();
    const offline = () => controller.connectionLost();
    window.addEventListener("online", online);
    window.addEventListener("offline", offline);
    return () => {
      window.removeEventListener("online", online);
      window.removeEventListener("offline", offline);
      controller.stop();
    };
  }, [controller]);

  return <RealtimeContext.Provider value={controller}>{children}</RealtimeContext.Provider>;
}
