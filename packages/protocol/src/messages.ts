import { z } from "zod";
import { PublicUser } from "./accounts";
import { ClientId, Id, Seq, Timestamp } from "./common";
import { HISTORY_PAGE_MAX, HISTORY_PAGE_SIZE, MESSAGE_MAX_LENGTH } from "./limits";

export const Message = z.object({
  id: Id,
  roomId: Id,
  seq: Seq,
  clientId: z.string(),
  author: PublicUser,
  body: z.string(),
  createdAt: Timestamp,
});
export type Message = z.infer<typeof Message>;

/**
 * A message body: not blank, at most MESSAGE_MAX_LENGTH characters (counted as the user sees
 * them, so an emoji is one). The too-long check is separate so it gets its own error code.
 */
export const MessageBody = z.string().refine((s) => s.trim().length > 0, "Message is empty");

export function isMessageTooLong(body: string): boolean {
  return [...body].length > MESSAGE_MAX_LENGTH;
}

export const SendMessageRequest = z.object({
  clientId: ClientId,
  body: MessageBody,
});
export type SendMessageRequest = z.infer<typeof SendMessageRequest>;

const PageLimit = z.coerce.number().int().min(1).max(HISTORY_PAGE_MAX).default(HISTORY_PAGE_SIZE);

/**
 * History query: `before` pages backwards from a sequence (omit for the newest page);
 * `after` pages forwards (used to fill a gap). Not both.
 */
export const HistoryQuery = z
  .object({
    before: z.coerce.number().int().min(1).optional(),
    after: z.coerce.number().int().min(0).optional(),
    limit: PageLimit,
  })
  .refine((q) => q.before === undefined || q.after === undefined, {
    message: "Use either before or after, not both",
  });
export type HistoryQuery = z.infer<typeof HistoryQuery>;

export const HistoryResponse = z.object({
  /** Ascending by seq. */
  messages: z.array(Message),
  /** More messages exist beyond this page in the direction asked. */
  hasMore: z.boolean(),
});
export type HistoryResponse = z.infer<typeof HistoryResponse>;

export const SendMessageResponse = z.object({
  message: Message,
  /** True when this clientId had been sent before and the original is returned. */
  duplicate: z.boolean(),
});
export type SendMessageResponse = z.infer<typeof SendMessageResponse>;
