import type { LoginRequest, User } from "@parley/protocol";
import type { AppContext } from "../../context";
import { AppError } from "../../errors";
import { ipBucket } from "../../limits/ip-bucket";
import { NO_PASSWORD } from "../oidc/identities";
import { decoyPasswordHash, verifyPassword } from "./password";
import { toUser } from "./to-user";

/**
 * Checks credentials under a failed-attempt limit per email and per client IP. Each attempt
 * takes its unit BEFORE the password is checked: a locked-out attacker learns nothing from
 * further guesses, and a burst of parallel guesses cannot all pass a check made before any of
 * them failed. A successful sign-in gives its units back, so only failures count.
 */
export async function signIn(
  ctx: Pick<AppContext, "db" | "rateLimiter" | "config">,
  input: LoginRequest,
  ip: string,
): Promise<User> {
  const { max, windowMs } = ctx.config.loginAttempts;
  const email = { key: `login:email:${input.email}`, limit: { max, windowMs } };
  // Many people may sign in from one office or campus address: the IP's budget is larger.
  const network = { key: `login:ip:${ipBucket(ip)}`, limit: { max: max * 4, windowMs } };
  const wait = await ctx.rateLimiter.take([email, network]);
  if (wait > 0) {
    throw new AppError("RATE_LIMITED", "Too many failed sign-in attempts. Try again later.", {
      retryAfterSeconds: wait,
    });
  }

  const row = await ctx.db
    .selectFrom("users")
    .selectAll()
    .where("email", "=", input.email)
    .executeTakeFirst();
  if (row && row.password_hash === NO_PASSWORD) {
    // Created by signing in with an OpenID provider: there is no password to check.
    throw new AppError(
      "PASSWORD_NOT_SET",
      "This account has no password: sign in with the provider you used to create it",
    );
  }
  const ok = await verifyPassword(row?.password_hash ?? (await decoyPasswordHash()), input.password);
  if (!row || !ok) throw new AppError("INVALID_CREDENTIALS", "Wrong email or password");
  await ctx.rateLimiter.reset(email.key);
  await ctx.rateLimiter.refund([network]);
  if (row.deactivated_at) throw new AppError("ACCOUNT_DEACTIVATED", "This account has been deactivated");
  return toUser(row);
}
