"use client";

import type { User } from "@parley/protocol";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { queryKeys } from "../api/query-keys";
import { safeNextPath } from "./next-path";
import { forgetSession } from "./session";

/** After sign-in or sign-up: remember the user and go where they were headed. */
export function useAuthSuccess(): (user: User) => void {
  const queryClient = useQueryClient();
  const router = useRouter();
  return (user) => {
    // Whatever is cached may belong to the previous account in this tab.
    forgetSession(queryClient);
    queryClient.setQueryData(queryKeys.me, user);
    router.replace(safeNextPath(window.location.search));
  };
}
