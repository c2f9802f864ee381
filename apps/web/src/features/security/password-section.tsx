"use client";

import type { AccountSecurity } from "@parley/protocol";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { describeError, isApiError } from "../api/api-error";
import { PasswordHint } from "../auth/password-hint";
import settings from "../settings/settings.module.css";
import { TextField } from "../ui/text-field";
import styles from "./security.module.css";
import { requestPasswordReset } from "./security-api";
import { useChangePassword } from "./use-security";

/** Change my password (knowing the current one), or — without one — get a link that sets it. */
export function PasswordSection({ security }: { security: AccountSecurity }) {
  return (
    <section className={settings.section} aria-labelledby="security-password">
      <h2 id="security-password" className={settings.sectionTitle}>
        Password
      </h2>
      {security.hasPassword ? (
        <>
          <p className={settings.sectionLead}>
            Changing it can sign out everywhere else — do that if you think someone else knows it.
          </p>
          <div className={settings.card}>
            <ChangePasswordForm email={security.email} />
          </div>
        </>
      ) : (
        <>
          <p className={settings.sectionLead}>
            You sign in with a provider, so this account has no password. Set one to sign in with your email
            too.
          </p>
          <div className={settings.card}>
            <SetPasswordByEmail email={security.email} />
          </div>
        </>
      )}
    </section>
  );
}

function ChangePasswordForm({ email }: { email: string }) {
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [signOutOthers, setSignOutOthers] = useState(true);
  const [missing, setMissing] = useState<{ current?: string; next?: string }>({});
  const change = useChangePassword();
  const fieldError = (field: "current" | "next"): string | undefined => {
    if (missing[field]) return missing[field];
    if (!change.isError) return undefined;
    if (field === "current" && isApiError(change.error, "WRONG_PASSWORD")) return change.error.message;
    if (field === "next" && isApiError(change.error, "WEAK_PASSWORD")) return change.error.message;
    return undefined;
  };
  const formError =
    change.isError && !fieldError("current") && !fieldError("next") ? describeError(change.error) : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    const empty = {
      current: current ? undefined : "Enter your current password",
      next: next ? undefined : "Enter a new password",
    };
    setMissing(empty);
    if (empty.current || empty.next) {
      document.getElementById(empty.current ? "current-password" : "new-password")?.focus();
      return;
    }
    change.mutate(
      { currentPassword: current, newPassword: next, signOutOthers },
      {
        onSuccess: () => {
          setCurrent("");
          setNext("");
        },
      },
    );
  }

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-busy={change.isPending}>
      {formError && (
        <div className="alert" role="alert">
          {formError}
        </div>
      )}
      <TextField
        id="current-password"
        label="Current password"
        type="password"
        autoComplete="current-password"
        value={current}
        onChange={(e) => {
          setCurrent(e.target.value);
          setMissing({});
          change.reset();
        }}
        error={fieldError("current")}
        required
      />
      <TextField
        id="new-password"
        label="New password"
        type="password"
        autoComplete="new-password"
        value={next}
        onChange={(e) => {
          setNext(e.target.value);
          setMissing({});
          change.reset();
        }}
        error={fieldError("next")}
        hint={fieldError("next") ? undefined : <PasswordHint password={next} email={email} />}
        required
      />
      <label className={styles.check}>
        <input type="checkbox" checked={signOutOthers} onChange={(e) => setSignOutOthers(e.target.checked)} />
        Sign out my other sessions
      </label>
      <div className={styles.actions}>
        <button type="submit" className="btn btn-primary" disabled={change.isPending}>
          Change password
        </button>
        {change.isSuccess && (
          <span className={styles.success} role="status">
            Password changed.
            {change.data > 0
              ? ` ${change.data} other ${change.data === 1 ? "session was" : "sessions were"} signed out.`
              : ""}
          </span>
        )}
      </div>
    </form>
  );
}

function SetPasswordByEmail({ email }: { email: string }) {
  const send = useMutation({ mutationFn: () => requestPasswordReset(email) });
  return (
    <div className={styles.actions}>
      <button
        type="button"
        className="btn btn-primary"
        disabled={send.isPending || send.isSuccess}
        onClick={() => send.mutate()}
      >
        Email me a link to set a password
      </button>
      {send.isSuccess && (
        <span className={styles.success} role="status">
          Sent to {email}. The link works for an hour.
        </span>
      )}
      {send.isError && (
        <span className="field-error" role="alert">
          {describeError(send.error)}
        </span>
      )}
    </div>
  );
}
