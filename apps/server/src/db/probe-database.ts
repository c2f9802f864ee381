import { sql } from "kysely";
import type { AppContext } from "../context";
import { AppError } from "../errors";

/**
 * Whether this node can serve, for `GET /api/health`: one trivial read of its database. On
 * SQLite a read waits until the disk holds every commit made so far (durable-sqlite-driver.ts),
 * so a disk that failed a sync — after which no write can be acknowledged — fails the probe
 * too. A load balancer or supervisor polling the health check then takes the node out instead
 * of sending it people whose every message would fail.
 */
export async function probeDatabase(ctx: Pick<AppContext, "db" | "log">): Promise<void> {
  try {
    await sql`select 1`.execute(ctx.db);
  } catch (error) {
    ctx.log.error({ err: error }, "health: the database probe failed");
    throw new AppError("DATABASE_UNAVAILABLE", "The server cannot use its database right now");
  }
}
