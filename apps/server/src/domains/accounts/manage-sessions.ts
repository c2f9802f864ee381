import type { SessionInfo } from "@parley/protocol";
import type { AppContext } from "../../context";
import { type ActionTx, runAction } from "../../db/run-action";
import { AppError } from "../../errors";
import { userTopic } from "../../realtime/bus";

/** My sessions that have not expired, most recently used first; `currentHash` is this request's. */
export async function listSessions(
  ctx: Pick<AppContext, "db">,
  userId: string,
  currentHash: string | null,
): Promise<SessionInfo[]> {
  const rows = await ctx.db
    .selectFrom("sessions")
    .select(["id", "token_hash", "user_agent", "ip", "created_at", "last_used_at", "expires_at"])
    .where("user_id", "=", userId)
    .where("expires_at", ">", new Date().toISOString())
    .orderBy("last_used_at", "desc")
    .orderBy("created_at", "desc")
    .execute();
  return rows
    .map((r) => ({
      id: r.id,
      userAgent: r.user_agent,
      ip: r.ip,
      createdAt: r.created_at,
      lastUsedAt: r.last_used_at ?? r.created_at,
      expiresAt: r.expires_at,
      current: r.token_hash === currentHash,
    }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}

/**
 * Signs out one of my sessions: it is deleted, and the sockets opened with it close at once
 * (each connection knows its session's hash; see realtime/connection.ts). Someone else's
 * session is "not found", exactly like one that does not exist.
 */
export async function revokeSession(
  ctx: Pick<AppContext, "db" | "bus">,
  userId: string,
  sessionId: string,
): Promise<{ tokenHash: string }> {
  return runAction(ctx, async ({ tx, publish }) => {
    const gone = await tx
      .deleteFrom("sessions")
      .where("id", "=", sessionId)
      .where("user_id", "=", userId)
      .returning("token_hash")
      .executeTakeFirst();
    if (!gone) throw new AppError("NOT_FOUND", "No such session (it may have ended already)");
    publish(userTopic(userId), { type: "session.ended", tokenHash: gone.token_hash });
    return { tokenHash: gone.token_hash };
  });
}

/**
 * Ends every session of the account except `keepHash` (null: all of them), inside the caller's
 * transaction, and queues the "close its sockets" event of each. Returns how many ended.
 */
export async function endSessions(
  a: Pick<ActionTx, "tx" | "publish">,
  userId: string,
  keepHash: string | null,
): Promise<number> {
  let query = a.tx.deleteFrom("sessions").where("user_id", "=", userId);
  if (keepHash) query = query.where("token_hash", "<>", keepHash);
  const gone = await query.returning("token_hash").execute();
  for (const { token_hash } of gone) {
    a.publish(userTopic(userId), { type: "session.ended", tokenHash: token_hash });
  }
  return gone.length;
}

/** "Sign out all other sessions": every session of mine but the one asking. */
export function revokeOtherSessions(
  ctx: Pick<AppContext, "db" | "bus">,
  userId: string,
  currentHash: string,
): Promise<number> {
  return runAction(ctx, (a) => endSessions(a, userId, currentHash));
}
