"use client";

import type { AdminUser } from "@parley/protocol";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { adminKeys, deactivateUser } from "./admin-api";

/** Deactivates an account; the users table shows it at once, then refetches to be sure. */
export function useDeactivateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deactivateUser,
    onSuccess: (_nothing, userId) => {
      queryClient.setQueryData<AdminUser[]>(adminKeys.users, (users) =>
        users?.map((u) => (u.id === userId ? { ...u, deactivated: true } : u)),
      );
      void queryClient.invalidateQueries({ queryKey: adminKeys.users });
    },
  });
}
