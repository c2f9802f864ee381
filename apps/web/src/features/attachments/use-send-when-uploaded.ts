"use client";

import { useEffect, useRef, useState } from "react";

/**
 * Send pressed while files are still uploading: the message goes as soon as they are all up
 * (with the text as it is then), or not at all if one fails (the user sees why on its chip).
 */
export function useSendWhenUploaded(
  state: "ready" | "uploading" | "failed",
  send: () => void,
): { waiting: boolean; request(): void } {
  const [waiting, setWaiting] = useState(false);
  const latestSend = useRef(send);
  latestSend.current = send;
  useEffect(() => {
    if (!waiting || state === "uploading") return;
    setWaiting(false);
    if (state === "ready") latestSend.current();
  }, [waiting, state]);
  return { waiting, request: () => setWaiting(true) };
}
