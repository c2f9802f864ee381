import type { Database } from "@parley/db";
import { type ReadReceipt, type ReadReceiptsResponse, readReceiptsEnabled } from "@parley/protocol";
import type { Kysely } from "kysely";

/**
 * Whether the room shows read receipts now. "auto" depends on the member count, which is
 * only counted when it matters (a channel or group on "auto"); a missing room shows none.
 */
export async function roomShowsReceipts(db: Kysely<Database>, roomId: string): Promise<boolean> {
  const room = await db
    .selectFrom("rooms")
    .select(["kind", "read_receipts"])
    .where("id", "=", roomId)
    .executeTakeFirst();
  if (!room) return false;
  const memberCount =
    room.kind !== "dm" && room.read_receipts === "auto"
      ? Number(
          (
            await db
              .selectFrom("room_members")
              .select((eb) => eb.fn.countAll().as("n"))
              .where("room_id", "=", roomId)
              .executeTakeFirstOrThrow()
          ).n,
        )
      : 0;
  return readReceiptsEnabled({ kind: room.kind, readReceipts: room.read_receipts, memberCount });
}

/**
 * How far every other member has read the room: the list the client draws "Seen" and the
 * readers' faces from, kept current afterwards by `receipt.read` frames. Members who have
 * read nothing are left out. Empty when the room does not show receipts.
 */
export async function readReceipts(
  db: Kysely<Database>,
  viewerId: string,
  roomId: string,
): Promise<ReadReceiptsResponse> {
  if (!(await roomShowsReceipts(db, roomId))) return { enabled: false, receipts: [] };
  const rows = await db
    .selectFrom("room_members")
    .select(["user_id", "read_seq"])
    .where("room_id", "=", roomId)
    .where("user_id", "!=", viewerId)
    .where("read_seq", ">", 0)
    .execute();
  const receipts: ReadReceipt[] = rows.map((r) => ({ userId: r.user_id, readSeq: Number(r.read_seq) }));
  return { enabled: true, receipts };
}
