import { ApiError } from "../api/api-error";
import { errorsFromFailure, type FormErrors } from "../forms/form-errors";

/** Sign-up and sign-in answers, in words for the person at the form. */
export type SignupField = "email" | "displayName" | "password";
export const SIGNUP_FIELDS: readonly SignupField[] = ["email", "displayName", "password"];

export function signupErrors(error: unknown): FormErrors<SignupField> {
  if (error instanceof ApiError && error.code === "EMAIL_TAKEN") {
    return {
      fields: { email: "This email is already registered." },
      form: "An account with this email already exists. Sign in instead?",
    };
  }
  if (error instanceof ApiError && error.code === "WEAK_PASSWORD") {
    return { fields: { password: error.message }, form: `Choose a stronger password: ${error.message}` };
  }
  return errorsFromFailure(error, SIGNUP_FIELDS);
}

export type LoginField = "email" | "password";
export const LOGIN_FIELDS: readonly LoginField[] = ["email", "password"];

export function loginErrors(error: unknown): FormErrors<LoginField> {
  if (error instanceof ApiError && error.code === "INVALID_CREDENTIALS") {
    return { fields: {}, form: "Wrong email or password" };
  }
  return errorsFromFailure(error, LOGIN_FIELDS);
}
