"use client";

import { type LoginRequest as LoginInput, LoginRequest } from "@parley/protocol";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { type FormEvent, useState } from "react";
import { focusFirstInvalid } from "../forms/focus-first-invalid";
import { errorsFromIssues, type FormErrors, NO_ERRORS, toIssues } from "../forms/form-errors";
import { TextField } from "../ui/text-field";
import { signIn } from "./auth-api";
import { AuthCard, authFormClass } from "./auth-card";
import authCardStyles from "./auth-card.module.css";
import { LOGIN_FIELDS, type LoginField, loginErrors } from "./auth-errors";
import { continueLinking, OidcButtons, OidcErrorAlert } from "./oidc-sign-in";
import { useAuthSuccess } from "./use-auth-success";
import { useNextQuery } from "./use-next-query";

export function LoginForm() {
  const [values, setValues] = useState<LoginInput>({ email: "", password: "" });
  const [errors, setErrors] = useState<FormErrors<LoginField>>(NO_ERRORS);
  const onSuccess = useAuthSuccess();
  const mutation = useMutation({
    mutationFn: signIn,
    // Sent here to link a provider to an existing account: go on to it once signed in.
    onSuccess: (user) => continueLinking() || onSuccess(user),
    onError: (error) => setErrors(loginErrors(error)),
  });

  const set = (field: LoginField) => (event: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [field]: event.target.value }));
    // An edited field's old complaint no longer applies.
    setErrors((e) => (e.fields[field] ? { ...e, fields: { ...e.fields, [field]: undefined } } : e));
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = LoginRequest.safeParse(values);
    if (!parsed.success) {
      const next = errorsFromIssues(toIssues(parsed.error.issues), LOGIN_FIELDS);
      setErrors(next);
      focusFirstInvalid(next.fields, LOGIN_FIELDS);
      return;
    }
    setErrors(NO_ERRORS);
    mutation.mutate(parsed.data);
  }

  const nextQuery = useNextQuery();
  const busy = mutation.isPending || mutation.isSuccess;
  return (
    <AuthCard
      title="Welcome back"
      subtitle="Sign in to pick up where you left off."
      footer={
        <>
          New to Parley? <Link href={`/signup${nextQuery}`}>Create an account</Link>
        </>
      }
    >
      <OidcErrorAlert />
      <form className={authFormClass} onSubmit={submit} noValidate aria-busy={busy}>
        {errors.form && (
          <div className="alert" role="alert">
            {errors.form}
          </div>
        )}
        <TextField
          id="email"
          label="Email"
          type="email"
          autoComplete="email"
          value={values.email}
          onChange={set("email")}
          error={errors.fields.email}
          required
        />
        <TextField
          id="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          value={values.password}
          onChange={set("password")}
          error={errors.fields.password}
          required
        />
        <button className="btn btn-primary btn-block" type="submit" disabled={busy}>
          Sign in
        </button>
        <Link className={authCardStyles.forgot} href="/reset-password">
          Forgot password?
        </Link>
      </form>
      <OidcButtons />
    </AuthCard>
  );
}
