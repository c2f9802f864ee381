import type { Database } from "@parley/db";
import { isMessageTooLong, MESSAGE_MAX_LENGTH, SendMessageRequest } from "@parley/protocol";
import type { Kysely } from "kysely";
import type { AppContext } from "../../context";
import { runAction } from "../../db/run-action";
import { AppError } from "../../errors";
import { parse } from "../../http/parse";
import type { Charge } from "../../http/rate-limiter";
import { chargesFor, rateLimitedError } from "../../limits/action-limits";
import { authorize, rankOf, SOCKET_RULES } from "../../rules/rules";
import { checkAttachmentClaims } from "../attachments/bind-attachments";
import { accessKey, loadRoomAccessMany } from "../rooms/queries";
import { findMessageByClientId } from "./queries";
import { type SendRequest, type SendResult, storeMessages, storeMessagesIn } from "./store-messages";

/** Most sends stored by one transaction. */
const MAX_BATCH = 500;

interface Pending {
  request: SendRequest;
  /** The client's address, for the per-IP posting limit. */
  ip: string;
  resolve: (result: SendResult) => void;
  reject: (error: unknown) => void;
}

/** A send that passed the rules, with the posting units it was charged (given back if it costs nothing). */
interface Admitted extends Pending {
  charges: Charge[];
}

/** A batch after the checks: the sends to store, and retries over the limit answered with their original. */
interface Checked {
  admitted: Admitted[];
  originals: Array<readonly [Pending, SendResult]>;
}

/**
 * The one way a message gets sent, from the REST route and the socket alike: check the input
 * (schema, length) at once, then queue it. Sends that arrive while a batch is being written
 * are authorised together (one read) and stored together (one transaction: group commit), so
 * a busy room costs one commit per batch instead of one per message.
 *
 * Posting is limited per user and per IP here, so REST and socket sends, from every tab, share
 * one budget. A send over it is refused with RATE_LIMITED before it is stored (no sequence
 * number), except a retry of a message already stored: it is answered with its original ack,
 * because it costs nothing and the client must learn that its message went through. For the
 * same reason a retry under the limit gets its unit back.
 */
export class SendPipeline {
  private queue: Pending[] = [];
  private running = false;

  constructor(private readonly ctx: Pick<AppContext, "db" | "bus" | "log" | "config" | "rateLimiter">) {}

  /**
   * Resolves once the message is committed (or found as an earlier copy of this send). `ip`
   * is the sender's address (Fastify's request.ip, or the socket's upgrade request).
   */
  submit(
    author: { id: string; displayName: string },
    roomId: string,
    raw: unknown,
    ip: string,
  ): Promise<SendResult> {
    let input: SendMessageRequest;
    try {
      input = parse(SendMessageRequest, raw);
    } catch (error) {
      return Promise.reject(error);
    }
    return this.submitParsed(author, roomId, input, ip);
  }

  /** `submit` for input its caller parsed already with the protocol's schema (a socket frame). */
  submitParsed(
    author: { id: string; displayName: string },
    roomId: string,
    input: SendMessageRequest,
    ip: string,
  ): Promise<SendResult> {
    if (isMessageTooLong(input.body)) {
      return Promise.reject(
        new AppError("MESSAGE_TOO_LONG", `Messages can be at most ${MESSAGE_MAX_LENGTH} characters`),
      );
    }
    return new Promise((resolve, reject) => {
      this.queue.push({
        request: {
          author,
          roomId,
          clientId: input.clientId,
          body: input.body,
          attachmentIds: input.attachmentIds,
          replyToId: input.replyToId,
          threadRootId: input.threadRootId,
        },
        ip,
        resolve,
        reject,
      });
      if (!this.running) {
        this.running = true;
        // Let the sends that arrive in this same turn of the event loop join the batch.
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        try {
          await this.process(batch);
        } catch (error) {
          for (const p of batch) p.reject(error);
        }
      }
    } finally {
      this.running = false;
    }
  }

  /**
   * Checks and stores a batch in one action: the rules' reads, the checks of replies, threads
   * and files, and the store all see one snapshot, inside the transaction (reads there wait
   * for no sync of the disk). Resolves once the batch is committed, so the next batch is
   * written while the disk syncs this one; its sends settle when it is durable. If the batch
   * failed, its sends are retried one by one before the next batch starts, so a later batch
   * can never take sequence numbers ahead of them.
   */
  private async process(batch: Pending[]): Promise<void> {
    let admitted: Admitted[] = [];
    let signal: (ok: boolean) => void = () => {};
    const committed = new Promise<boolean>((resolve) => {
      signal = resolve;
    });
    const stored = runAction(
      this.ctx,
      async (action) => {
        const checked = await this.checkAndAdmit(action.tx, batch);
        admitted = checked.admitted;
        const results = await storeMessagesIn(
          this.ctx,
          action,
          admitted.map((p) => p.request),
        );
        return { results, originals: checked.originals };
      },
      { gathered: true, onCommitted: signal },
    );
    const settled = stored.then(
      ({ results, originals }) => {
        admitted.forEach((p, i) => {
          this.settle(p, results[i] as SendResult);
        });
        for (const [p, original] of originals) p.resolve(original);
      },
      (error) => {
        // The sends refused by the checks were answered already (a promise settles once);
        // the others were not: a check that failed (a read error) fails them.
        const storing = new Set(admitted.map((p) => p.request));
        for (const p of batch) if (!storing.has(p.request)) p.reject(error);
        return this.storeOneByOne(admitted, error);
      },
    );
    const ok = await Promise.race([committed, settled.then(() => true)]);
    if (!ok) await settled;
  }

  /**
   * The rules and the checks for each send of the batch, inside its transaction. Refused
   * sends are answered here (a refusal exposes nothing of what this transaction writes).
   */
  private async checkAndAdmit(tx: Kysely<Database>, batch: Pending[]): Promise<Checked> {
    const none: Checked = { admitted: [], originals: [] };
    const access = await loadRoomAccessMany(
      tx,
      batch.map((p) => ({ roomId: p.request.roomId, userId: p.request.author.id })),
    );
    const allowed: Pending[] = [];
    // Slow-mode rooms: who posted in this batch already (the stored time is read before it).
    const slowPosters = new Set<string>();
    for (const p of batch) {
      try {
        const { roomId, author } = p.request;
        const key = accessKey(roomId, author.id);
        const resource = access.get(key) ?? null;
        authorize({ kind: "user", userId: author.id }, SOCKET_RULES["message.send"], resource);
        if (resource && resource.room.slowModeSeconds > 0) {
          // A second send in the same batch would slip past the rule's check.
          if (slowPosters.has(key) && rankOf(resource.membership?.role) < rankOf("moderator")) {
            throw new AppError(
              "SLOW_MODE",
              `Slow mode: wait ${resource.room.slowModeSeconds} s before posting again`,
            );
          }
          slowPosters.add(key);
          p.request.touchLastPosted = true;
        }
        allowed.push(p);
      } catch (error) {
        p.reject(error);
      }
    }
    if (allowed.length === 0) return none;
    const checked = await this.checkThreadRoots(
      tx,
      await this.checkReplies(tx, await this.checkAttachments(tx, allowed)),
    );
    if (checked.length === 0) return none;
    return this.admit(tx, checked);
  }

  /** A batch that failed as a whole: one bad request must not fail its batch mates. */
  private async storeOneByOne(admitted: readonly Admitted[], error: unknown): Promise<void> {
    // (Or a clientId raced in by another node: each send then gets its own outcome.)
    this.ctx.log.warn({ err: error, size: admitted.length }, "batched send failed; retrying one by one");
    for (const p of admitted) {
      try {
        const [result] = await storeMessages(this.ctx, [p.request]);
        this.settle(p, result as SendResult);
      } catch (single) {
        this.refund(p);
        p.reject(single);
      }
    }
  }

  /**
   * Replies: each must answer a message of its own room (one query for the whole batch; none
   * when no send replies). A deleted message may still be answered: its quote says so.
   */
  private async checkReplies(tx: Kysely<Database>, sends: Pending[]): Promise<Pending[]> {
    const ids = [...new Set(sends.flatMap((p) => (p.request.replyToId ? [p.request.replyToId] : [])))];
    if (ids.length === 0) return sends;
    const targets = await tx
      .selectFrom("messages")
      .select(["id", "room_id"])
      .where("id", "in", ids)
      .where("kind", "=", "message")
      .execute();
    const roomOf = new Map(targets.map((t) => [t.id, t.room_id]));
    return sends.filter((p) => {
      const { replyToId, roomId } = p.request;
      if (!replyToId || roomOf.get(replyToId) === roomId) return true;
      p.reject(new AppError("MESSAGE_NOT_FOUND", "The message you reply to is not in this room"));
      return false;
    });
  }

  /**
   * Thread replies: each root must be a message of the sender's room that is not itself a
   * thread reply (threads do not nest). One query for the batch; none when no send is threaded.
   * A deleted root may still be answered: its thread stays readable, as in Slack.
   */
  private async checkThreadRoots(tx: Kysely<Database>, sends: Pending[]): Promise<Pending[]> {
    const ids = [...new Set(sends.flatMap((p) => (p.request.threadRootId ? [p.request.threadRootId] : [])))];
    if (ids.length === 0) return sends;
    const roots = await tx
      .selectFrom("messages")
      .select(["id", "room_id", "thread_root_id"])
      .where("id", "in", ids)
      .where("kind", "=", "message")
      .execute();
    const byId = new Map(roots.map((r) => [r.id, r]));
    return sends.filter((p) => {
      const { threadRootId, roomId } = p.request;
      if (!threadRootId) return true;
      const root = byId.get(threadRootId);
      if (!root || root.room_id !== roomId) {
        p.reject(new AppError("MESSAGE_NOT_FOUND", "The thread's root message is not in this room"));
        return false;
      }
      if (root.thread_root_id !== null) {
        p.reject(new AppError("INVALID_THREAD_ROOT", "A reply in a thread cannot start a thread of its own"));
        return false;
      }
      return true;
    });
  }

  /**
   * Sends with files: each must name its author's pending uploads to that room (one query for
   * the whole batch; none when no send carries files). The others are answered here.
   */
  private async checkAttachments(tx: Kysely<Database>, sends: Pending[]): Promise<Pending[]> {
    if (!sends.some((p) => p.request.attachmentIds?.length)) return sends;
    const verdicts = await checkAttachmentClaims(
      tx,
      sends.map((p) => ({
        roomId: p.request.roomId,
        authorId: p.request.author.id,
        clientId: p.request.clientId,
        attachmentIds: p.request.attachmentIds ?? [],
      })),
    );
    return sends.filter((p, i) => {
      const error = verdicts[i];
      if (error) p.reject(error);
      return !error;
    });
  }

  /**
   * Charges each send to its author's and its IP's posting budget, in arrival order (the
   * limiter decides calls in the order they are made, so all are asked at once). A refused
   * send is answered with RATE_LIMITED now or — a retry of a stored message — with its
   * original, which goes out with the batch's answers once the batch is durable (the original
   * may be a commit the disk is still syncing).
   */
  private async admit(tx: Kysely<Database>, sends: Pending[]): Promise<Checked> {
    const limits = this.ctx.config.rateLimits;
    const charged = sends.map((p) => ({
      ...p,
      charges: chargesFor(limits, "post", { userId: p.request.author.id, ip: p.ip }),
    }));
    const waits = await Promise.all(charged.map((p) => this.ctx.rateLimiter.take(p.charges)));
    const checked: Checked = { admitted: [], originals: [] };
    for (const [i, p] of charged.entries()) {
      const wait = waits[i] ?? 0;
      if (wait === 0) {
        checked.admitted.push(p);
        continue;
      }
      const { roomId, author, clientId } = p.request;
      const original = await findMessageByClientId(tx, roomId, author.id, clientId);
      if (original) checked.originals.push([p, { message: original, duplicate: true }]);
      else p.reject(rateLimitedError("post", wait));
    }
    return checked;
  }

  /** Answers a stored send; a duplicate took no sequence number, so it gets its unit back. */
  private settle(p: Admitted, result: SendResult): void {
    if (result.duplicate) this.refund(p);
    p.resolve(result);
  }

  private refund(p: Admitted): void {
    this.ctx.rateLimiter.refund(p.charges).catch((error) => {
      // A unit not given back only makes the limit stricter for a moment: log, do not fail.
      this.ctx.log.warn({ err: error }, "rate limit refund failed");
    });
  }
}
