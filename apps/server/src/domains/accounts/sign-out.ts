import type { AppContext } from "../../context";
import { userTopic } from "../../realtime/bus";
import { hashToken } from "./sessions";

/** Ends a session and closes the sockets that were opened with it. */
export async function signOut(ctx: Pick<AppContext, "db" | "bus">, token: string): Promise<void> {
  const tokenHash = hashToken(token);
  const session = await ctx.db
    .deleteFrom("sessions")
    .where("token_hash", "=", tokenHash)
    .returning("user_id")
    .executeTakeFirst();
  if (session) ctx.bus.publish(userTopic(session.user_id), { type: "session.ended", tokenHash });
}
