import { type PasswordResetConfirm, passwordWeakness, type User } from "@parley/protocol";
import type { AppContext } from "../../context";
import { runAction } from "../../db/run-action";
import { AppError } from "../../errors";
import { ipBucket } from "../../limits/ip-bucket";
import { passwordResetEmailJob } from "../email/account-emails";
import { useEmailToken } from "../email/email-tokens";
import { endSessions } from "./manage-sessions";
import { hashPassword } from "./password";
import { hashToken } from "./sessions";
import { toUser } from "./to-user";

/**
 * "Forgot password?": queues the reset email job for the address, which sends it only if an
 * active account has it. The request does the same work for any address and answers the same
 * (202), so neither the answer nor its timing tells whether the address has an account.
 * Limited per address (nobody can flood someone's inbox) and per network.
 */
export async function requestPasswordReset(
  ctx: Pick<AppContext, "db" | "bus" | "rateLimiter" | "config">,
  email: string,
  ip: string,
): Promise<void> {
  const wait = await ctx.rateLimiter.take([
    { key: `reset:email:${email}`, limit: ctx.config.mail.resetRequests.perEmail },
    { key: `reset:ip:${ipBucket(ip)}`, limit: ctx.config.mail.resetRequests.perIp },
  ]);
  if (wait > 0) {
    throw new AppError("RATE_LIMITED", "Too many reset emails asked for. Try again later.", {
      retryAfterSeconds: wait,
    });
  }
  await runAction(ctx, ({ enqueue }) => enqueue(passwordResetEmailJob, { email }));
}

/**
 * Sets a new password with an emailed reset token (single-use, expiring). Using it also proves
 * the inbox (the email counts as verified), ends every session of the account and closes their
 * sockets — whoever knew the old password is out — and every other reset link of the account
 * stops working. The caller signs this browser in with a new session.
 */
export async function resetPassword(
  ctx: Pick<AppContext, "db" | "bus" | "rateLimiter">,
  input: PasswordResetConfirm,
): Promise<User> {
  // Cheap checks and the slow hash first, outside the transaction; the token is used only when
  // everything else is fine, so a weak password does not burn the link.
  const peek = await ctx.db
    .selectFrom("email_tokens")
    .innerJoin("users", "users.id", "email_tokens.user_id")
    .select(["users.email"])
    .where("email_tokens.token_hash", "=", hashToken(input.token))
    .executeTakeFirst();
  const weakness = passwordWeakness(input.password, peek?.email);
  if (weakness) throw new AppError("WEAK_PASSWORD", weakness);
  const passwordHash = await hashPassword(input.password);
  const user = await runAction(ctx, async (a) => {
    const { userId } = await useEmailToken(a.tx, input.token, "reset");
    const row = await a.tx.selectFrom("users").selectAll().where("id", "=", userId).executeTakeFirstOrThrow();
    if (row.deactivated_at) throw new AppError("ACCOUNT_DEACTIVATED", "This account has been deactivated");
    const now = new Date().toISOString();
    await a.tx
      .updateTable("users")
      .set({ password_hash: passwordHash, email_verified_at: row.email_verified_at ?? now })
      .where("id", "=", userId)
      .execute();
    await a.tx
      .updateTable("email_tokens")
      .set({ used_at: now })
      .where("user_id", "=", userId)
      .where("purpose", "=", "reset")
      .where("used_at", "is", null)
      .execute();
    await endSessions(a, userId, null);
    return toUser(row);
  });
  // Locked out by failed sign-ins? The new password works at once.
  await ctx.rateLimiter.reset(`login:email:${user.email}`);
  return user;
}
