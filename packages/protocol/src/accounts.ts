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
