import { randomUUID } from "node:crypto";
import { isUniqueViolation } from "@parley/db";
import { passwordWeakness, type SignupRequest, type User } from "@parley/protocol";
import type { AppContext } from "../../context";
import { runAction } from "../../db/run-action";
import { AppError } from "../../errors";
import { verificationEmailJob } from "../email/account-emails";
import { hashPassword } from "./password";

/**
 * Creates an account and queues its verification email in the same transaction. The input has
 * been parsed by the protocol schema. An unconfirmed email does not hold anything up: the app
 * is usable at once (confirmation matters for digests and account recovery).
 */
export async function signUp(ctx: Pick<AppContext, "db" | "bus">, input: SignupRequest): Promise<User> {
  const weakness = passwordWeakness(input.password, input.email);
  if (weakness) throw new AppError("WEAK_PASSWORD", weakness);

  const existing = await ctx.db
    .selectFrom("users")
    .select("id")
    .where("email", "=", input.email)
    .executeTakeFirst();
  if (existing) throw new AppError("EMAIL_TAKEN", "An account with this email already exists");

  const user: User = {
    id: randomUUID(),
    email: input.email,
    displayName: input.displayName,
    createdAt: new Date().toISOString(),
    isAdmin: false,
  };
  const passwordHash = await hashPassword(input.password);
  try {
    await runAction(ctx, async ({ tx, enqueue }) => {
      await tx
        .insertInto("users")
        .values({
          id: user.id,
          email: user.email,
          display_name: user.displayName,
          password_hash: passwordHash,
          created_at: user.createdAt,
        })
        .execute();
      await enqueue(verificationEmailJob, { userId: user.id });
    });
  } catch (error) {
    // Two sign-ups with one email at the same moment: the unique index decides.
    if (isUniqueViolation(error)) {
      throw new AppError("EMAIL_TAKEN", "An account with this email already exists");
    }
    throw error;
  }
  // The first account on a server administers it. Granted only while no administrator
  // exists, so a later sign-up can never become one this way.
  const granted = await ctx.db
    .updateTable("users")
    .set({ is_admin: 1 })
    .where("id", "=", user.id)
    .where((eb) => eb.not(eb.exists(eb.selectFrom("users as u").select("u.id").where("u.is_admin", "=", 1))))
    .executeTakeFirst();
  return { ...user, isAdmin: Number(granted.numUpdatedRows) > 0 };
}
