import {
  AccountSecurityResponse,
  API,
  type ChangePasswordRequest,
  MeResponse,
  type SessionInfo,
  SessionsResponse,
  SignedOutResponse,
  type User,
  VerifyEmailResponse,
} from "@parley/protocol";
import { apiDelete, apiDeleteEmpty, apiGet, apiPatch, apiPost, apiPostEmpty } from "../api/api-client";

/** Cache keys of the "Sign-in & security" page (all under one prefix, refreshed together). */
export const securityKeys = {
  all: ["security"] as const,
  settings: ["security", "settings"] as const,
  sessions: ["security", "sessions"] as const,
};

export async function fetchSecurity() {
  return (await apiGet(API.mySecurity, AccountSecurityResponse)).security;
}

export async function setEmailDigest(emailDigest: boolean) {
  return (await apiPatch(API.mySecurity, { emailDigest }, AccountSecurityResponse)).security;
}

export function resendVerification(): Promise<void> {
  return apiPostEmpty(API.myVerification);
}

export async function changePassword(input: ChangePasswordRequest): Promise<number> {
  return (await apiPost(API.myPassword, input, SignedOutResponse)).signedOut;
}

export async function fetchSessions(): Promise<SessionInfo[]> {
  return (await apiGet(API.mySessions, SessionsResponse)).sessions;
}

export function signOutSession(sessionId: string): Promise<void> {
  return apiDeleteEmpty(API.mySession(sessionId));
}

export async function signOutOtherSessions(): Promise<number> {
  return (await apiDelete(API.myOtherSessions, SignedOutResponse)).signedOut;
}

/** "Forgot password?": the server answers the same whether or not the address has an account. */
export function requestPasswordReset(email: string): Promise<void> {
  return apiPostEmpty(API.passwordReset, { email });
}

export async function resetPassword(token: string, password: string): Promise<User> {
  return (await apiPost(API.passwordResetConfirm, { token, password }, MeResponse)).user;
}

export async function verifyEmail(token: string): Promise<string> {
  return (await apiPost(API.verifyEmail, { token }, VerifyEmailResponse)).email;
}

/**
 * The token of an emailed link: it travels in the URL's fragment (`#token=…`), which browsers
 * never send to a server, so it stays out of access logs and Referer headers.
 */
export function tokenFromHash(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, "")).get("token");
  return token && /^[A-Za-z0-9_-]{20,100}$/.test(token) ? token : null;
}
