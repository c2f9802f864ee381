"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect } from "react";
import { describeError, isApiError } from "../api/api-error";
import { AuthCard } from "../auth/auth-card";
import { useMe } from "../auth/me-query";
import { FullPageSpinner } from "../ui/spinner";
import { securityKeys, verifyEmail } from "./security-api";
import { useLinkToken } from "./use-link-token";

/** /verify-email#token=…: confirms the address at once, signed in or not, and says so. */
export function VerifyEmailView() {
  const link = useLinkToken();
  const token = link?.token;
  const me = useMe();
  const queryClient = useQueryClient();
  const verify = useMutation({
    mutationFn: verifyEmail,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: securityKeys.all }),
  });
  const { mutate } = verify;
  // Each reading of a link is tried (the same link opened again is refused, and says so).
  useEffect(() => {
    if (link?.token) mutate(link.token);
  }, [link, mutate]);

  const signedIn = Boolean(me.data);
  const onward = signedIn ? <Link href="/rooms">Open Parley</Link> : <Link href="/login">Sign in</Link>;
  if (token === undefined || (token && (verify.isIdle || verify.isPending))) {
    return <FullPageSpinner label="Confirming your email" />;
  }
  if (verify.isSuccess) {
    return (
      <AuthCard
        title="Email confirmed"
        subtitle={`Thanks — ${verify.data} is confirmed.`}
        footer={
          signedIn ? (
            <Link href="/settings/security">Sign-in &amp; security settings</Link>
          ) : (
            <Link href="/reset-password">Forgot your password?</Link>
          )
        }
      >
        <Link className="btn btn-primary btn-block" href={signedIn ? "/rooms" : "/login"}>
          {signedIn ? "Open Parley" : "Sign in"}
        </Link>
      </AuthCard>
    );
  }
  const expired = !token || isApiError(verify.error, "LINK_INVALID");
  return (
    <AuthCard
      title={expired ? "This link no longer works" : "Something went wrong"}
      subtitle={
        expired
          ? "It was already used, or it has expired. Send yourself a new one from Settings → Sign-in & security."
          : describeError(verify.error)
      }
      footer={onward}
    >
      <Link className="btn btn-primary btn-block" href={signedIn ? "/settings/security" : "/login"}>
        {signedIn ? "Go to Sign-in & security" : "Sign in to get a new link"}
      </Link>
    </AuthCard>
  );
}
