"use client";

import type { User } from "@parley/protocol";
import { createContext, useContext } from "react";

export const CurrentUserContext = createContext<User | null>(null);

/** The signed-in user; only inside <RequireSignedIn>. */
export function useCurrentUser(): User {
  const user = useContext(CurrentUserContext);
  if (user === null) throw new Error("useCurrentUser must be used inside <RequireSignedIn>");
  return user;
}
