import { z } from "zod";
import { Id, Timestamp } from "./common";
import { DISPLAY_NAME_MAX_LENGTH, PASSWORD_MAX_LENGTH } from "./limits";

export const User = z.object({
  id: Id,
  email: z.string(),
  displayName: z.string(),
  createdAt: Timestamp,
  /** Server administrator (the first account on a server is one). */
  isAdmin: z.boolean(),
});
export type User = z.infer<typeof User>;

/** What a server administrator sees of an account. */
export const AdminUser = User.extend({ deactivated: z.boolean() });
export type AdminUser = z.infer<typeof AdminUser>;

/** What other people see of a user. */
export const PublicUser = z.object({
  id: Id,
  displayName: z.string(),
});
export type PublicUser = z.infer<typeof PublicUser>;

const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: "Enter a valid email address" }));

const DisplayName = z
  .string()
  .trim()
  .min(1, "Display name is required")
  .max(DISPLAY_NAME_MAX_LENGTH, `At most ${DISPLAY_NAME_MAX_LENGTH} characters`);

/** Password strength is checked by the server (WEAK_PASSWORD), not only by the schema. */
const Password = z.string().min(1, "Password is required").max(PASSWORD_MAX_LENGTH);

export const SignupRequest = z.object({
  email: Email,
  displayName: DisplayName,
  password: Password,
});
export type SignupRequest = z.infer<typeof SignupRequest>;

export const LoginRequest = z.object({
  email: Email,
  password: Password,
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const MeResponse = z.object({ user: User });
export type MeResponse = z.infer<typeof MeResponse>;

/** People search (the "add people" and DM pickers): by display name or email, prefix match. */
export const UserSearchQuery = z.object({ q: z.string().trim().min(1).max(100) });
export const UserSearchResponse = z.object({ users: z.array(PublicUser) });
export type UserSearchResponse = z.infer<typeof UserSearchResponse>;

/** A token from an emailed link (verification, password reset): 256 random bits, base64url. */
export const EmailLinkToken = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{20,100}$/, "This link is not valid");

/** "Forgot password?": always answered 202, whether or not an account has this email. */
export const PasswordResetRequest = z.object({ email: Email });
export type PasswordResetRequest = z.infer<typeof PasswordResetRequest>;

/** Setting a new password with the emailed token; signs the browser in. */
export const PasswordResetConfirm = z.object({ token: EmailLinkToken, password: Password });
export type PasswordResetConfirm = z.infer<typeof PasswordResetConfirm>;

/** Confirming an address with the emailed token (signed in or not). */
export const VerifyEmailRequest = z.object({ token: EmailLinkToken });
export type VerifyEmailRequest = z.infer<typeof VerifyEmailRequest>;
export const VerifyEmailResponse = z.object({ email: z.string() });
export type VerifyEmailResponse = z.infer<typeof VerifyEmailResponse>;

/** Changing my password knowing the current one; other sessions end unless told otherwise. */
export const ChangePasswordRequest = z.object({
  currentPassword: Password,
  newPassword: Password,
  signOutOthers: z.boolean().default(true),
});
export type ChangePasswordRequest = z.input<typeof ChangePasswordRequest>;
/** How many other sessions were signed out. */
export const SignedOutResponse = z.object({ signedOut: z.number().int().min(0) });
export type SignedOutResponse = z.infer<typeof SignedOutResponse>;

/** My sign-in and email settings (the "Sign-in & security" page). */
export const AccountSecurity = z.object({
  email: z.string(),
  emailVerified: z.boolean(),
  /** False for accounts made by an OpenID provider: they may set one through the reset flow. */
  hasPassword: z.boolean(),
  /** Email me the mentions and DMs I missed when push does not reach me. */
  emailDigest: z.boolean(),
});
export type AccountSecurity = z.infer<typeof AccountSecurity>;
export const AccountSecurityResponse = z.object({ security: AccountSecurity });
export type AccountSecurityResponse = z.infer<typeof AccountSecurityResponse>;
export const UpdateAccountSecurityRequest = z.object({ emailDigest: z.boolean() });
export type UpdateAccountSecurityRequest = z.infer<typeof UpdateAccountSecurityRequest>;

/** One of my signed-in sessions (a browser or device). Its token never leaves the server. */
export const SessionInfo = z.object({
  id: Id,
  /** The browser's User-Agent at sign-in (null for sessions from before it was recorded). */
  userAgent: z.string().nullable(),
  ip: z.string().nullable(),
  createdAt: Timestamp,
  /** Last request made with it, to within a few minutes. */
  lastUsedAt: Timestamp,
  expiresAt: Timestamp,
  /** The session of the request that listed them ("This device"). */
  current: z.boolean(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;
export const SessionsResponse = z.object({ sessions: z.array(SessionInfo) });
export type SessionsResponse = z.infer<typeof SessionsResponse>;
