"use client";

import { type SignupRequest as SignupInput, SignupRequest } from "@parley/protocol";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { type FormEvent, useState } from "react";
import { focusFirstInvalid } from "../forms/focus-first-invalid";
import { errorsFromIssues, type FormErrors, NO_ERRORS, toIssues } from "../forms/form-errors";
import { TextField } from "../ui/text-field";
import { signUp } from "./auth-api";
import { AuthCard, authFormClass } from "./auth-card";
import { SIGNUP_FIELDS, type SignupField, signupErrors } from "./auth-errors";
import { OidcButtons, OidcErrorAlert } from "./oidc-sign-in";
import { PasswordHint } from "./password-hint";
import { useAuthSuccess } from "./use-auth-success";
import { useNextQuery } from "./use-next-query";

export function SignupForm() {
  const [values, setValues] = useState<SignupInput>({ email: "", displayName: "", password: "" });
  const [errors, setErrors] = useState<FormErrors<SignupField>>(NO_ERRORS);
  const onSuccess = useAuthSuccess();
  const mutation = useMutation({
    mutationFn: signUp,
    onSuccess,
    onError: (error) => {
      const next = signupErrors(error);
      setErrors(next);
      focusFirstInvalid(next.fields, SIGNUP_FIELDS);
    },
  });

  const set = (field: SignupField) => (event: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [field]: event.target.value }));
    // An edited field's old complaint no longer applies.
    setErrors((e) => (e.fields[field] ? { ...e, fields: { ...e.fields, [field]: undefined } } : e));
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    // The same schema the server applies, so most mistakes are caught without a round trip.
    const parsed = SignupRequest.safeParse(values);
    if (!parsed.success) {
      const next = errorsFromIssues(toIssues(parsed.error.issues), SIGNUP_FIELDS);
      setErrors(next);
      focusFirstInvalid(next.fields, SIGNUP_FIELDS);
      return;
    }
    setErrors(NO_ERRORS);
    mutation.mutate(parsed.data);
  }

  const nextQuery = useNextQuery();
  const busy = mutation.isPending || mutation.isSuccess;
  return (
    <AuthCard
      title="Create your account"
      subtitle="Join the conversation in a minute."
      footer={
        <>
          Already have an account? <Link href={`/login${nextQuery}`}>Sign in</Link>
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
          id="displayName"
          label="Display name"
          autoComplete="nickname"
          value={values.displayName}
          onChange={set("displayName")}
          error={errors.fields.displayName}
          hint="How others will see you in chat."
          required
        />
        <TextField
          id="password"
          label="Password"
          type="password"
          autoComplete="new-password"
          value={values.password}
          onChange={set("password")}
          error={errors.fields.password}
          hint={
            errors.fields.password ? undefined : (
              <PasswordHint password={values.password} email={values.email} />
            )
          }
          required
        />
        <button className="btn btn-primary btn-block" type="submit" disabled={busy}>
          Create account
        </button>
      </form>
      <OidcButtons />
    </AuthCard>
  );
}
