import type { LoginRequest, User } from "@parley/protocol";
import type { AppContext } from "../../context";
import { AppError } from "../../errors";
import { decoyPasswordHash, verifyPassword } from "./password";
import { toUser } from "./to-user";

/**
 * Checks credentials under a failed-attempt limit per email and per client IP. The limit is
 * checked before the password so a locked-out attacker learns nothing from further guesses.
 */
export async function signIn(
  ctx: Pick<AppContext, "db" | "rateLimiter" | "config">,
  input: LoginRequest,
  ip: string,
): Promise<User> {
  const { max, windowMs } = ctx.config.loginAttempts;
  const emailKey = `login:email:${input.email}`;
  const ipKey = `login:ip:${ip}`;
  const wait = Math.max(ctx.rateLimiter.peek(emailKey, max), ctx.rateLimiter.peek(ipKey, max * 4));
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
  const ok = await verifyPassword(row?.password_hash ?? (await decoyPasswordHash()), input.password);
  if (!row || !ok) {
    ctx.rateLimiter.hit(emailKey, max, windowMs);
    ctx.rateLimiter.hit(ipKey, max * 4, windowMs);
    throw new AppError("INVALID_CREDENTIALS", "Wrong email or password");
  }
  ctx.rateLimiter.reset(emailKey);
  if (row.deactivated_at) throw new AppError("ACCOUNT_DEACTIVATED", "This account has been deactivated");
  return toUser(row);
}
