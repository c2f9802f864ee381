"use client";

import { createContext, useContext } from "react";

/** Opens the one "Create room" dialog from anywhere in the app (sidebar, empty states). */
export const CreateRoomContext = createContext<(() => void) | null>(null);

export function useOpenCreateRoom(): () => void {
  const open = useContext(CreateRoomContext);
  if (open === null) throw new Error("useOpenCreateRoom must be used inside <AppShell>");
  return open;
}
