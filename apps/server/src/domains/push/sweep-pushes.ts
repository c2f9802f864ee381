import type { Logger } from "pino";
import type { AppContext } from "../../context";
import { runAction } from "../../db/run-action";
import { PUSH_DELIVER_JOB } from "./deliver-push";

type SweepContext = Pick<AppContext, "db" | "bus">;

/**
 * The pushes that no notification job decides: the messages of channels a person set to
 * "all", and the closing of a room's notification once the room is read.
 *
 * Why a sweep and not a job per message: a channel message with no mention queues no job at
 * all (the hot path stays one transaction), and most rooms have nobody set to "all" with a push
 * device. So every couple of seconds one indexed query asks only about those pairs — member
 * set to "all", with a device, whose room moved past what was pushed — and queues one push per
 * device for the newest message (the notification is collapsed per room and carries the count).
 * Each pair's watermark (`push_room_state.pushed_seq`) moves with a guarded update in the
 * transaction that queues its jobs, so two nodes sweeping at once push a message once.
 *
 * A pair seen for the first time starts at the room's current end: subscribing, or setting a
 * room to "all", never pushes its history.
 */
export async function sweepRoomsSetToAll(ctx: SweepContext): Promise<number> {
  const pairs = await ctx.db
    .selectFrom("room_members as rm")
    .innerJoin("rooms as r", "r.id", "rm.room_id")
    .innerJoin("users as u", "u.id", "rm.user_id")
    .leftJoin("push_room_state as st", (j) =>
      j.onRef("st.user_id", "=", "rm.user_id").onRef("st.room_id", "=", "rm.room_id"),
    )
    .select(["rm.user_id", "rm.room_id", "rm.read_seq", "r.last_seq", "st.pushed_seq"])
    .where("rm.notify", "=", "all")
    .where("u.deactivated_at", "is", null)
    // Conversations notify of every message through the notification job already.
    .where("r.kind", "=", "channel")
    .where((eb) =>
      eb.exists(
        eb.selectFrom("push_subscriptions as s").select("s.id").whereRef("s.user_id", "=", "rm.user_id"),
      ),
    )
    .where((eb) => eb.or([eb("st.pushed_seq", "is", null), eb("st.pushed_seq", "<", eb.ref("r.last_seq"))]))
    .limit(500)
    .execute();
  let queued = 0;
  for (const pair of pairs) {
    const last = Number(pair.last_seq);
    if (pair.pushed_seq === null) {
      await ctx.db
        .insertInto("push_room_state")
        .values({ user_id: pair.user_id, room_id: pair.room_id, pushed_seq: last, shown: 0 })
        .onConflict((oc) => oc.columns(["user_id", "room_id"]).doNothing())
        .execute();
      continue;
    }
    const from = Number(pair.pushed_seq);
    queued += await runAction(ctx, async ({ tx, enqueue }) => {
      const claimed = await tx
        .updateTable("push_room_state")
        .set({ pushed_seq: last })
        .where("user_id", "=", pair.user_id)
        .where("room_id", "=", pair.room_id)
        .where("pushed_seq", "=", from)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) return 0; // another node took it
      const newest = await tx
        .selectFrom("messages")
        .select(["id", "seq"])
        .where("room_id", "=", pair.room_id)
        .where("seq", ">", Math.max(from, Number(pair.read_seq)))
        .where("seq", "<=", last)
        .where("kind", "=", "message")
        .where("author_id", "!=", pair.user_id)
        .where("deleted_at", "is", null)
        .orderBy("seq", "desc")
        .limit(1)
        .executeTakeFirst();
      if (!newest) return 0; // only my own messages, edits, or what I read already
      const subs = await tx
        .selectFrom("push_subscriptions")
        .select("id")
        .where("user_id", "=", pair.user_id)
        .execute();
      for (const sub of subs) {
        await enqueue(
          PUSH_DELIVER_JOB,
          { kind: "message", subscriptionId: sub.id, messageId: newest.id, mention: false },
          { key: `${newest.id}:${sub.id}` },
        );
      }
      return subs.length;
    });
  }
  return queued;
}

/**
 * Rooms whose pushed notification is probably still up but which the person has read since
 * (on any device): a "read" push closes it on every device. Only rows with a shown
 * notification are looked at.
 */
export async function sweepReadRooms(ctx: SweepContext): Promise<number> {
  const read = await ctx.db
    .selectFrom("push_room_state as st")
    .innerJoin("room_members as rm", (j) =>
      j.onRef("rm.user_id", "=", "st.user_id").onRef("rm.room_id", "=", "st.room_id"),
    )
    .select(["st.user_id", "st.room_id", "st.pushed_seq"])
    .where("st.shown", "=", 1)
    .whereRef("rm.read_seq", ">=", "st.pushed_seq")
    .limit(500)
    .execute();
  let queued = 0;
  for (const row of read) {
    queued += await runAction(ctx, async ({ tx, enqueue }) => {
      const claimed = await tx
        .updateTable("push_room_state")
        .set({ shown: 0 })
        .where("user_id", "=", row.user_id)
        .where("room_id", "=", row.room_id)
        .where("shown", "=", 1)
        .where("pushed_seq", "=", row.pushed_seq)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) return 0;
      const subs = await tx
        .selectFrom("push_subscriptions")
        .select("id")
        .where("user_id", "=", row.user_id)
        .execute();
      for (const sub of subs) {
        await enqueue(
          PUSH_DELIVER_JOB,
          { kind: "read", subscriptionId: sub.id, roomId: row.room_id },
          { key: `read:${row.room_id}:${row.pushed_seq}:${sub.id}` },
        );
      }
      return subs.length;
    });
  }
  return queued;
}

/** Runs both sweeps every `everyMs` on this node (a timer: no job rows while nothing happens). */
export class PushSweeper {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly ctx: SweepContext & { log: Logger },
    private readonly everyMs: number,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.sweep().finally(() => {
        this.running = null;
      });
    }, this.everyMs);
    this.timer.unref();
  }

  /** One pass of both sweeps (tests call it instead of waiting for the timer). */
  async sweep(): Promise<void> {
    try {
      await sweepRoomsSetToAll(this.ctx);
      await sweepReadRooms(this.ctx);
    } catch (error) {
      // The database is unavailable: the next tick tries again.
      this.ctx.log.error({ err: error }, "push sweep failed");
    }
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
