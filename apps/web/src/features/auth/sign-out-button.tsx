"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { signOut } from "./auth-api";
import { forgetSession } from "./session";

export function SignOutButton({ className }: { className?: string }) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const mutation = useMutation({
    mutationFn: signOut,
    // Even if the request failed, this tab forgets the user: signing out must never get stuck.
    onSettled: () => {
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
