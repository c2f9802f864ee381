import { z } from "zod";
import { defineJob, type JobContext } from "../../jobs/define-job";
import { isEmailVerified } from "../accounts/email-verified";
import { issueEmailToken } from "./email-tokens";
import { mailDeps } from "./mail-context";
import { passwordResetEmail, verificationEmail } from "./templates";

const ForUser = z.object({ userId: z.string().uuid() });

/**
 * The verification email (after sign-up, or "resend"). The token is made here, when the email
 * goes out, so it is never written anywhere in the clear — not even in the job's payload. A
 * retried job sends a fresh link; an earlier one still works until it expires.
 */
export const verificationEmailJob = defineJob({
  id: "email.verification",
  version: 1,
  payload: ForUser,
  maxAttempts: 6,
  async handle(ctx: JobContext, { userId }) {
    const { config, mailer } = mailDeps(ctx);
    const user = await ctx.db.selectFrom("users").selectAll().where("id", "=", userId).executeTakeFirst();
    if (!user || user.deactivated_at || isEmailVerified(user)) return;
    const token = await issueEmailToken(ctx.db, {
      userId,
      purpose: "verify",
      email: user.email,
      ttlMs: config.mail.verifyTokenTtlMs,
    });
    await mailer.send(
      verificationEmail({
        to: user.email,
        displayName: user.display_name,
        // In the fragment: browsers never send it to a server, so it stays out of access logs.
        link: `${config.mail.linkBase}/verify-email#token=${token}`,
      }),
    );
  },
});

/**
 * The password reset email ("Forgot password?"), queued for every address asked for: only here
 * is it looked up, so the request does exactly the same work whether an account has the address
 * or not (no enumeration through timing). No active account: nothing is sent.
 */
export const passwordResetEmailJob = defineJob({
  id: "email.password-reset",
  version: 1,
  payload: z.object({ email: z.string().min(3).max(254) }),
  maxAttempts: 6,
  async handle(ctx: JobContext, { email }) {
    const { config, mailer } = mailDeps(ctx);
    const user = await ctx.db.selectFrom("users").selectAll().where("email", "=", email).executeTakeFirst();
    if (!user || user.deactivated_at) return;
    const token = await issueEmailToken(ctx.db, {
      userId: user.id,
      purpose: "reset",
      email: user.email,
      ttlMs: config.mail.resetTokenTtlMs,
    });
    await mailer.send(
      passwordResetEmail({
        to: user.email,
        displayName: user.display_name,
        link: `${config.mail.linkBase}/reset-password#token=${token}`,
      }),
    );
  },
});
