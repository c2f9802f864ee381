import { z } from "zod";
import { ERROR_CODES, type ErrorCode } from "./errors";

export const Id = z.string().uuid();
export type Id = z.infer<typeof Id>;

/** A client-generated id for a send; retries reuse it so the server can deduplicate. */
export const ClientId = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "letters, digits, - and _ only");

/** ISO-8601 timestamp produced by the server. */
export const Timestamp = z.string();

/** A per-room sequence number: gapless, strictly increasing, starting at 1. */
export const Seq = z.number().int().nonnegative();

export const ErrorBody = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES as [ErrorCode, ...ErrorCode[]]),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** Header every state-changing REST request must carry (CSRF defence beyond SameSite). */
export const CSRF_HEADER = "x-parley-csrf";
export const CSRF_HEADER_VALUE = "1";
