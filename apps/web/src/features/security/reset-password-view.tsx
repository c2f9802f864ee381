"use client";

import { passwordWeakness } from "@parley/protocol";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { type FormEvent, useState } from "react";
import { describeError, isApiError } from "../api/api-error";
import { AuthCard, authFormClass } from "../auth/auth-card";
import { PasswordHint } from "../auth/password-hint";
import { useAuthSuccess } from "../auth/use-auth-success";
import { FullPageSpinner } from "../ui/spinner";
import { TextField } from "../ui/text-field";
import { requestPasswordReset, resetPassword } from "./security-api";
import { useLinkToken } from "./use-link-token";

/** /reset-password: ask for a link by email, or — opened from that link — set the new password. */
export function ResetPasswordView() {
  const link = useLinkToken();
  if (link === undefined) return <FullPageSpinner label="Loading" />;
  // Keyed by the reading: the same link opened again starts from a fresh form.
  return link.token ? <NewPasswordForm key={link.token} token={link.token} /> : <ForgotPasswordForm />;
}

function ForgotPasswordForm() {
  const [email, setEmail] = useState("");
  const [fieldError, setFieldError] = useState<string | undefined>();
  const send = useMutation({ mutationFn: requestPasswordReset });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!/^[^@\s]+@[^@\s]+$/.test(email.trim())) {
      setFieldError("Enter a valid email address");
      document.getElementById("email")?.focus();
      return;
    }
    setFieldError(undefined);
    send.mutate(email.trim());
  }

  if (send.isSuccess) {
    return (
      <AuthCard
        title="Check your email"
        subtitle={`If an account uses ${send.variables}, a link to set a new password is on its way. It works once, for an hour.`}
        footer={<Link href="/login">Back to sign in</Link>}
      >
        <div className={authFormClass}>
          <p className="hint">
            Nothing after a few minutes? Look in the spam folder, or check the address and try again.
          </p>
          <button type="button" className="btn btn-block" onClick={() => send.reset()}>
            Use another address
          </button>
        </div>
      </AuthCard>
    );
  }
  return (
    <AuthCard
      title="Forgot your password?"
      subtitle="Enter your account’s email and we’ll send you a link to set a new one."
      footer={
        <>
          Remembered it? <Link href="/login">Sign in</Link>
        </>
      }
    >
      <form className={authFormClass} onSubmit={submit} noValidate aria-busy={send.isPending}>
        {send.isError && (
          <div className="alert" role="alert">
            {describeError(send.error)}
          </div>
        )}
        <TextField
          id="email"
          label="Email"
          type="email"
          autoComplete="email"
          value={email}
          onChange={(e) => {
            setEmail(e.target.value);
            setFieldError(undefined);
          }}
          error={fieldError}
          required
        />
        <button className="btn btn-primary btn-block" type="submit" disabled={send.isPending}>
          Send me a link
        </button>
      </form>
    </AuthCard>
  );
}

function NewPasswordForm({ token }: { token: string }) {
  const [password, setPassword] = useState("");
  const [tooWeak, setTooWeak] = useState<string | null>(null);
  const onSuccess = useAuthSuccess();
  const reset = useMutation({ mutationFn: (pw: string) => resetPassword(token, pw), onSuccess });
  const linkInvalid = isApiError(reset.error, "LINK_INVALID");

  function submit(event: FormEvent) {
    event.preventDefault();
    // The server checks the same rule; asking first keeps a weak password from a round trip.
    const weakness = passwordWeakness(password);
    setTooWeak(weakness);
    if (weakness) {
      document.getElementById("new-password")?.focus();
      return;
    }
    reset.mutate(password);
  }

  if (linkInvalid) {
    return (
      <AuthCard
        title="This link no longer works"
        subtitle="It was already used, or it is more than an hour old. Ask for a new one."
        footer={<Link href="/login">Back to sign in</Link>}
      >
        <Link className="btn btn-primary btn-block" href="/reset-password">
          Send me a new link
        </Link>
      </AuthCard>
    );
  }
  const weak = tooWeak ?? (isApiError(reset.error, "WEAK_PASSWORD") ? reset.error.message : undefined);
  return (
    <AuthCard
      title="Set a new password"
      subtitle="Then you are signed in here, and every other device is signed out."
      footer={<Link href="/login">Back to sign in</Link>}
    >
      <form className={authFormClass} onSubmit={submit} noValidate aria-busy={reset.isPending}>
        {reset.isError && !weak && (
          <div className="alert" role="alert">
            {describeError(reset.error)}
          </div>
        )}
        <TextField
          id="new-password"
          label="New password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => {
            setPassword(e.target.value);
            setTooWeak(null);
            reset.reset();
          }}
          error={weak}
          // The error says it already; the live hint comes back as soon as the field changes.
          hint={weak ? undefined : <PasswordHint password={password} email="" />}
          required
        />
        <button
          className="btn btn-primary btn-block"
          type="submit"
          disabled={reset.isPending || reset.isSuccess}
        >
          Set password and sign in
        </button>
      </form>
    </AuthCard>
  );
}
