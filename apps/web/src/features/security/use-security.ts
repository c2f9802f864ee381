"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  changePassword,
  fetchSecurity,
  fetchSessions,
  resendVerification,
  securityKeys,
  setEmailDigest,
  signOutOtherSessions,
  signOutSession,
} from "./security-api";

export function useAccountSecurity() {
  return useQuery({ queryKey: securityKeys.settings, queryFn: fetchSecurity });
}

/** My sessions; refreshed now and then so "active 2 min ago" and new sign-ins show up. */
export function useSessions() {
  return useQuery({ queryKey: securityKeys.sessions, queryFn: fetchSessions, refetchInterval: 60_000 });
}

export function useResendVerification() {
  return useMutation({ mutationFn: resendVerification });
}

export function useSetEmailDigest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setEmailDigest,
    onSuccess: (security) => queryClient.setQueryData(securityKeys.settings, security),
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: securityKeys.sessions }),
  });
}

export function useSignOutSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOutSession,
    onSettled: () => queryClient.invalidateQueries({ queryKey: securityKeys.sessions }),
  });
}

export function useSignOutOtherSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOutOtherSessions,
    onSettled: () => queryClient.invalidateQueries({ queryKey: securityKeys.sessions }),
  });
}
