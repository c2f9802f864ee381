"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { clearStoredOutbox } from "../messages/outbox-db";
import { signOut } from "./auth-api";
import { useCurrentUser } from "./current-user";
import { forgetSession } from "./session";

export function SignOutButton({ className }: { className?: string }) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const me = useCurrentUser();
  const mutation = useMutation({
    mutationFn: signOut,
    // Even if the request failed, this tab forgets the user: signing out must never get stuck.
    onSettled: () => {
      // Unsent messages too: the next person at this browser must not find them.
      clearStoredOutbox(me.id).catch((error: unknown) =>
        console.warn("parley: could not clear unsent messages", error),
      );
      router.replace("/login");
      forgetSession(queryClient);
    },
  });
  return (
    <button
      type="button"
      className={className}
      onClick={() => mutation.mutate()}
      disabled={mutation.isPending}
    >
      Sign out
    </button>
  );
}
