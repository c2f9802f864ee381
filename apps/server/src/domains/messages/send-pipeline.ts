import { isMessageTooLong, MESSAGE_MAX_LENGTH, SendMessageRequest } from "@parley/protocol";
import type { AppContext } from "../../context";
import { AppError } from "../../errors";
import { parse } from "../../http/parse";
import { authorize, rankOf, SOCKET_RULES } from "../../rules/rules";
import { accessKey, loadRoomAccessMany } from "../rooms/queries";
import { type SendRequest, type SendResult, storeMessages } from "./store-messages";

/** Most sends stored by one transaction. */
const MAX_BATCH = 500;

interface Pending {
  request: SendRequest;
  resolve: (result: SendResult) => void;
  reject: (error: unknown) => void;
}

/**
 * The one way a message gets sent, from the REST route and the socket alike: check the input
 * (schema, length) at once, then queue it. Sends that arrive while a batch is being written
 * are authorised together (one read) and stored together (one transaction: group commit), so
 * a busy room costs one commit per batch instead of one per message.
 */
export class SendPipeline {
  private queue: Pending[] = [];
  private running = false;

  constructor(private readonly ctx: Pick<AppContext, "db" | "bus" | "log">) {}

  /** Resolves once the message is committed (or found as an earlier copy of this send). */
  submit(author: { id: string; displayName: string }, roomId: string, raw: unknown): Promise<SendResult> {
    let input: SendMessageRequest;
    try {
      input = parse(SendMessageRequest, raw);
      if (isMessageTooLong(input.body)) {
        throw new AppError("MESSAGE_TOO_LONG", `Messages can be at most ${MESSAGE_MAX_LENGTH} characters`);
      }
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => {
      this.queue.push({
        request: { author, roomId, clientId: input.clientId, body: input.body },
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

  private async process(batch: Pending[]): Promise<void> {
    const access = await loadRoomAccessMany(
      this.ctx.db,
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
    if (allowed.length === 0) return;
    try {
      const results = await storeMessages(
        this.ctx,
        allowed.map((p) => p.request),
      );
      allowed.forEach((p, i) => {
        p.resolve(results[i] as SendResult);
      });
    } catch (error) {
      // One bad request (or a clientId raced in by another node) must not fail its batch
      // mates: store them one by one so each gets its own outcome.
      this.ctx.log.warn({ err: error, size: allowed.length }, "batched send failed; retrying one by one");
      for (const p of allowed) {
        try {
          const [result] = await storeMessages(this.ctx, [p.request]);
          p.resolve(result as SendResult);
        } catch (single) {
          p.reject(single);
        }
      }
    }
  }
}
