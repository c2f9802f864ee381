import type { AppContext } from "../../context";
import { runAction } from "../../db/run-action";
import { AppError } from "../../errors";
import { verificationEmailJob } from "../email/account-emails";
import { useEmailToken } from "../email/email-tokens";
import { isEmailVerified } from "./email-verified";

/** Verification emails one account may ask for again, per 10 minutes. */
const RESEND = { max: 3, windowMs: 10 * 60_000 };

/**
 * Confirms an address with its emailed token (signed in or not: the link may be opened on
 * another device). The token is used up; the address must still be the account's.
 */
export async function verifyEmail(
  ctx: Pick<AppContext, "db" | "bus">,
  token: string,
): Promise<{ email: string }> {
  return runAction(ctx, async ({ tx }) => {
    const { userId, email } = await useEmailToken(tx, token, "verify");
    await tx
      .updateTable("users")
      .set({ email_verified_at: new Date().toISOString() })
      .where("id", "=", userId)
      .where("email_verified_at", "is", null)
      .execute();
    return { email };
  });
}

/** Sends the verification email again ("Resend"), unless the address is confirmed already. */
export async function requestVerificationEmail(
  ctx: Pick<AppContext, "db" | "bus" | "rateLimiter">,
  userId: string,
): Promise<void> {
  const user = await ctx.db
    .selectFrom("users")
    .selectAll()
    .where("id", "=", userId)
    .executeTakeFirstOrThrow();
  if (isEmailVerified(user)) return;
  const wait = await ctx.rateLimiter.take([{ key: `verify:user:${userId}`, limit: RESEND }]);
  if (wait > 0) {
    throw new AppError("RATE_LIMITED", "A confirmation email was sent just now. Try again later.", {
      retryAfterSeconds: wait,
    });
  }
  await runAction(ctx, ({ enqueue }) => enqueue(verificationEmailJob, { userId }));
}
