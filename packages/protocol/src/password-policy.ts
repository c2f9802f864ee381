import { PASSWORD_MIN_LENGTH } from "./limits";

/**
 * Why a password is too weak, or null if it is acceptable. Shared so the sign-up form can
 * say the same thing the server will. Length matters most (NIST SP 800-63B); we also refuse
 * passwords made of one repeated character or that contain the email's local part.
 */
export function passwordWeakness(password: string, email?: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) {
    return `Use at least ${PASSWORD_MIN_LENGTH} characters`;
  }
  if (new Set(password).size < 4) {
    return "Use a less repetitive password";
  }
  const local = email?.split("@")[0]?.toLowerCase();
  if (local && local.length >= 4 && password.toLowerCase().includes(local)) {
    return "Do not use your email address in your password";
  }
  return null;
}
