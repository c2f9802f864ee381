import { passwordWeakness } from "@parley/protocol";
import type { AppContext } from "../../context";
import { runAction } from "../../db/run-action";
import { AppError } from "../../errors";
import { NO_PASSWORD } from "../oidc/identities";
import { endSessions } from "./manage-sessions";
import { hashPassword, verifyPassword } from "./password";

/**
 * Changes my password, proving I know the current one. Wrong guesses count against a per-account
 * limit like sign-in's (a stolen session must not become an oracle for the password). With
 * `signOutOthers`, every other session ends and its sockets close; this one stays.
 * Accounts without a password (made by an OpenID provider) set one through the reset email.
 */
export async function changePassword(
  ctx: Pick<AppContext, "db" | "bus" | "rateLimiter" | "config">,
  userId: string,
  currentHash: string,
  input: { currentPassword: string; newPassword: string; signOutOthers: boolean },
): Promise<{ signedOut: number }> {
  const user = await ctx.db
    .selectFrom("users")
    .selectAll()
    .where("id", "=", userId)
    .executeTakeFirstOrThrow();
  if (user.password_hash === NO_PASSWORD) {
    throw new AppError(
      "PASSWORD_NOT_SET",
      "This account has no password yet: use “Forgot password?” to get a link that sets one",
    );
  }
  const limit = { key: `password-change:user:${userId}`, limit: ctx.config.loginAttempts };
  const wait = await ctx.rateLimiter.take([limit]);
  if (wait > 0) {
    throw new AppError("RATE_LIMITED", "Too many wrong passwords. Try again later.", {
      retryAfterSeconds: wait,
    });
  }
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw new AppError("WRONG_PASSWORD", "Your current password is not right");
  }
  await ctx.rateLimiter.reset(limit.key);
  const weakness = passwordWeakness(input.newPassword, user.email);
  if (weakness) throw new AppError("WEAK_PASSWORD", weakness);
  if (input.newPassword === input.currentPassword) {
    throw new AppError("WEAK_PASSWORD", "Choose a password different from your current one");
  }
  const passwordHash = await hashPassword(input.newPassword);
  return runAction(ctx, async (a) => {
    await a.tx.updateTable("users").set({ password_hash: passwordHash }).where("id", "=", userId).execute();
    const signedOut = input.signOutOthers ? await endSessions(a, userId, currentHash) : 0;
    return { signedOut };
  });
}
