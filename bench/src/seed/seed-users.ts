import { connectDb, type DbOptions, migrateToLatest } from "@parley/db";
import { SESSION_COOKIE } from "@parley/protocol";
// The server's own helpers, so a seeded session is exactly what sign-up would have stored.
// Used for seeding only: nothing here runs while the server is being measured.
import { hashPassword } from "../../../apps/server/src/domains/accounts/password";
import { hashToken, newSessionToken } from "../../../apps/server/src/domains/accounts/sessions";

/** Rows per INSERT: far below SQLite's and PostgreSQL's parameter limits. */
const CHUNK = 200;

export interface SeededUser {
  id: string;
  /** `parley_session=<token>`, ready for a Cookie header. */
  cookie: string;
}

/**
 * Writes `count` users, each with a live session, straight into the database before the
 * server starts. Signing them up over REST costs an argon2 hash each (~40 ms of server CPU):
 * 750 users would take half a minute of the bench's five. All share one real password hash
 * (nobody signs in with it); each has its own session token, as after a sign-up.
 */
export async function seedUsers(options: DbOptions, count: number, runId: string): Promise<SeededUser[]> {
  const handle = connectDb(options);
  try {
    await migrateToLatest(handle);
    const passwordHash = await hashPassword(`bench-${runId}-not-for-sign-in`);
    const now = new Date();
    const expires = new Date(now.getTime() + 24 * 60 * 60 * 1000).toISOString();
    const users = Array.from({ length: count }, (_, i) => ({
      id: crypto.randomUUID(),
      token: newSessionToken(),
      name: `bench-${runId}-${i}`,
    }));
    for (let i = 0; i < users.length; i += CHUNK) {
      const chunk = users.slice(i, i + CHUNK);
      await handle.db
        .insertInto("users")
        .values(
          chunk.map((u) => ({
            id: u.id,
            email: `${u.name}@bench.test`,
            display_name: u.name,
            password_hash: passwordHash,
            created_at: now.toISOString(),
          })),
        )
        .execute();
      await handle.db
        .insertInto("sessions")
        .values(
          chunk.map((u) => ({
            id: crypto.randomUUID(),
            token_hash: hashToken(u.token),
            user_id: u.id,
            created_at: now.toISOString(),
            expires_at: expires,
            // As a real sign-in leaves it: otherwise each seeded session's first request writes it.
            last_used_at: now.toISOString(),
          })),
        )
        .execute();
    }
    return users.map((u) => ({ id: u.id, cookie: `${SESSION_COOKIE}=${u.token}` }));
  } finally {
    await handle.close();
  }
}
