import type { Database } from "@parley/db";
import type { Message } from "@parley/protocol";
import type { Insertable, Selectable, Transaction } from "kysely";
import type { AppContext } from "../../context";
import { isPostgres } from "../../db/dialect";
import { integerById } from "../../db/integer-by-id";
import { type ActionTx, runAction } from "../../db/run-action";
import { paddedIn, powerOfTwoChunks } from "../../db/statement-shapes";
import { timeOrderedId } from "../../db/time-ordered-id";
import { roomTopic } from "../../realtime/bus";
import { bindAttachments } from "../attachments/bind-attachments";
import { attachmentsOf } from "../attachments/queries";
import { mayNotify, NOTIFY_MESSAGES_PER_JOB, notifyMessageJob } from "../notifications/notify-message";
import { indexNewMessagesJob, indexWindow } from "../search/index-room";
import { recordThreadReplies } from "../threads/record-thread-replies";
import { replyPreview, selectMessages, toMessage } from "./queries";

export interface SendRequest {
  author: { id: string; displayName: string };
  roomId: string;
  clientId: string;
  body: string;
  /** Pending uploads to attach (checked by the pipeline; bound here, guarded). */
  attachmentIds?: readonly string[];
  /** The message of the same room it answers (checked by the pipeline). */
  replyToId?: string;
  /** The thread root it is posted under (checked by the pipeline). */
  threadRootId?: string;
  /** The room is in slow mode: remember when this member posted. */
  touchLastPosted?: boolean;
}

export interface SendResult {
  message: Message;
  /** The clientId had been used before; `message` is the original. */
  duplicate: boolean;
}

/** Rows per INSERT: 7 parameters each stays far below SQLite's 32,766-parameter limit. */
const INSERT_CHUNK = 500;
/** Sends looked up per query: 3 parameters each. */
const LOOKUP_CHUNK = 500;

const keyOf = (roomId: string, authorId: string, clientId: string) =>
  `${roomId}\u0000${authorId}\u0000${clientId}`;

/**
 * Stores a batch of checked sends in ONE transaction (group commit) and publishes them after
 * commit. Guarantees, per request, in the order given:
 * - idempotency: a (room, author, clientId) stored before — or earlier in this batch — returns
 *   the original message with `duplicate: true` and takes no sequence number;
 * - gapless order: each room's counter is bumped once by the number of new messages, under
 *   the room row's write lock (PostgreSQL) or the single writer lock (SQLite), and the new
 *   messages take those numbers in request order.
 * If another node stores one of these clientIds between the lookup and the insert, the unique
 * constraint fails the whole transaction; the caller then retries requests one by one.
 */
export function storeMessages(ctx: StoreContext, requests: readonly SendRequest[]): Promise<SendResult[]> {
  return runAction(ctx, (action) => storeMessagesIn(ctx, action, requests), { gathered: true });
}

type StoreContext = Pick<AppContext, "db" | "bus"> & {
  config?: Pick<AppContext["config"], "searchIndexWindowMs">;
};

/** The same, as part of the caller's action (the send pipeline checks and stores in one). */
export async function storeMessagesIn(
  ctx: Pick<StoreContext, "config">,
  { tx, publish, enqueue }: ActionTx,
  requests: readonly SendRequest[],
): Promise<SendResult[]> {
  const earlier = new Map<string, Message>();
  for (let i = 0; i < requests.length; i += LOOKUP_CHUNK) {
    // One probe of the (room, author, clientId) unique index per send. Three separate IN
    // lists would probe their cross product: rooms × authors × clientIds, ~175,000 probes for
    // a batch of 56 one-to-one conversations.
    const chunk = requests.slice(i, i + LOOKUP_CHUNK);
    const rows = await selectMessages(tx)
      .where((eb) =>
        eb(
          eb.refTuple("messages.room_id", "messages.author_id", "messages.client_id"),
          "in",
          paddedIn(chunk).map((r) => eb.tuple(r.roomId, r.author.id, r.clientId)),
        ),
      )
      .execute();
    for (const row of rows) earlier.set(keyOf(row.room_id, row.author_id, row.client_id), toMessage(row));
  }

  const results: Array<SendResult | undefined> = new Array(requests.length);
  const firstOfKey = new Map<string, number>();
  const freshByRoom = new Map<string, number[]>();
  requests.forEach((r, i) => {
    const key = keyOf(r.roomId, r.author.id, r.clientId);
    const original = earlier.get(key);
    if (original) {
      results[i] = { message: original, duplicate: true };
    } else if (!firstOfKey.has(key)) {
      firstOfKey.set(key, i);
      const list = freshByRoom.get(r.roomId) ?? [];
      list.push(i);
      freshByRoom.set(r.roomId, list);
    }
  });

  const now = new Date().toISOString();
  const rows: Insertable<Database["messages"]>[] = [];
  const notifying: string[] = [];
  const fresh: Message[] = [];
  const carrying: Array<{ message: Message; request: SendRequest }> = [];
  const threaded: Message[] = [];
  const counters = await bumpRoomCounters(tx, freshByRoom);
  for (const [roomId, indexes] of freshByRoom) {
    const { last_seq, kind } = counters.get(roomId) as RoomCounter;
    let seq = Number(last_seq) - indexes.length;
    for (const i of indexes) {
      const r = requests[i] as SendRequest;
      seq += 1;
      const message: Message = {
        id: timeOrderedId(),
        roomId,
        seq,
        clientId: r.clientId,
        author: { id: r.author.id, displayName: r.author.displayName },
        body: r.body,
        createdAt: now,
        kind: "message",
        targetId: null,
        deleted: null,
        attachments: [],
        replyTo: null,
        threadRootId: r.threadRootId ?? null,
        thread: null,
      };
      if (r.attachmentIds && r.attachmentIds.length > 0) carrying.push({ message, request: r });
      results[i] = { message, duplicate: false };
      fresh.push(message);
      // Mentions and direct messages notify: the job is written with the message (outbox).
      // A thread reply notifies the thread's followers instead (recordThreadReplies).
      if (r.threadRootId) threaded.push(message);
      else if (mayNotify(kind, r.body)) notifying.push(message.id);
      rows.push({
        id: message.id,
        room_id: roomId,
        seq,
        author_id: r.author.id,
        client_id: r.clientId,
        body: r.body,
        created_at: now,
        reply_to_id: r.replyToId ?? null,
        thread_root_id: r.threadRootId ?? null,
      });
    }
  }
  for (const chunk of powerOfTwoChunks(rows, INSERT_CHUNK)) {
    await tx.insertInto("messages").values(chunk).execute();
  }
  await recordThreadReplies(tx, enqueue, threaded);
  // Files: only sends that carry some (or retries, answered with their original) cost a query.
  for (const { message, request } of carrying) {
    await bindAttachments(tx, message.id, {
      roomId: message.roomId,
      authorId: request.author.id,
      clientId: request.clientId,
      attachmentIds: request.attachmentIds ?? [],
    });
  }
  const needFiles = [...carrying.map((c) => c.message), ...earlier.values()];
  if (needFiles.length > 0) {
    const files = await attachmentsOf(
      tx,
      needFiles.map((m) => m.id),
    );
    for (const m of needFiles) m.attachments = files.get(m.id) ?? [];
  }
  // Replies carry their quote: one query for the batch's replied-to messages.
  const replying = requests.flatMap((r, i) =>
    r.replyToId && results[i] && !results[i].duplicate ? [i] : [],
  );
  if (replying.length > 0) {
    const targets = await selectMessages(tx)
      .where("messages.id", "in", [...new Set(replying.map((i) => requests[i]?.replyToId ?? ""))])
      .execute();
    const byId = new Map(targets.map((t) => [t.id, toMessage(t)]));
    for (const i of replying) {
      const target = byId.get(requests[i]?.replyToId ?? "");
      const result = results[i];
      if (target && result) result.message.replyTo = replyPreview(target);
    }
  }
  // One notification job for the batch (a job per message fell behind a flood of DMs).
  for (let i = 0; i < notifying.length; i += NOTIFY_MESSAGES_PER_JOB) {
    const messageIds = notifying.slice(i, i + NOTIFY_MESSAGES_PER_JOB);
    await enqueue(notifyMessageJob, { messageIds }, { key: messageIds[0] });
  }
  // Searchable within a couple of seconds: one indexing job per window, however many batches
  // and rooms the window holds (a later enqueue with the same key is a no-op).
  if (fresh.length > 0) {
    const { key, runAfter } = indexWindow(Date.parse(now), ctx.config?.searchIndexWindowMs);
    await enqueue(indexNewMessagesJob, {}, { key, runAfter });
  }
  const touched = new Set(requests.filter((r) => r.touchLastPosted).map((r) => `${r.roomId} ${r.author.id}`));
  for (const key of touched) {
    const [roomId, userId] = key.split(" ") as [string, string];
    await tx
      .updateTable("room_members")
      .set({ last_posted_at: now })
      .where("room_id", "=", roomId)
      .where("user_id", "=", userId)
      .execute();
  }

  // Repeats within this batch point at the message their first copy created.
  requests.forEach((r, i) => {
    if (results[i]) return;
    const first = results[firstOfKey.get(keyOf(r.roomId, r.author.id, r.clientId)) as number];
    if (first) results[i] = { message: first.message, duplicate: true };
  });
  for (const message of fresh) publish(roomTopic(message.roomId), { type: "message.new", message });
  return results as SendResult[];
}

type RoomCounter = Pick<Selectable<Database["rooms"]>, "last_seq" | "kind">;

/**
 * Takes each room's next sequence numbers: one UPDATE for the whole batch, bumping every room's
 * counter by its number of new messages and returning the new values. On PostgreSQL the rooms'
 * rows are first locked in id order, so two nodes' batches that share rooms can never deadlock
 * (SQLite has a single writer and needs no such care). The lock is FOR NO KEY UPDATE — what the
 * UPDATE takes anyway — not FOR UPDATE: FOR UPDATE also excludes the KEY SHARE lock that every
 * insert referencing the room takes for its foreign key (a notification, a membership, another
 * node's message), so sends and the notification jobs queued behind each other for seconds.
 */
async function bumpRoomCounters(
  tx: Transaction<Database>,
  freshByRoom: ReadonlyMap<string, readonly number[]>,
): Promise<Map<string, RoomCounter>> {
  const roomIds = [...freshByRoom.keys()].sort();
  const counters = new Map<string, RoomCounter>();
  for (let i = 0; i < roomIds.length; i += LOOKUP_CHUNK) {
    const chunk = paddedIn(roomIds.slice(i, i + LOOKUP_CHUNK));
    if (isPostgres(tx)) {
      await tx
        .selectFrom("rooms")
        .select("id")
        .where("id", "in", chunk)
        .orderBy("id")
        .forNoKeyUpdate()
        .execute();
    }
    const bump = integerById(chunk.map((id) => [id, freshByRoom.get(id)?.length ?? 0] as const));
    const rows = await tx
      .updateTable("rooms")
      .set((eb) => ({ last_seq: eb("last_seq", "+", bump) }))
      .where("id", "in", chunk)
      .returning(["id", "last_seq", "kind"])
      .execute();
    for (const row of rows) counters.set(row.id, { last_seq: Number(row.last_seq), kind: row.kind });
  }
  for (const roomId of roomIds) {
    if (!counters.has(roomId)) throw new Error(`room ${roomId} vanished while its messages were stored`);
  }
  return counters;
}
