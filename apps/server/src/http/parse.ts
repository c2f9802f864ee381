import type { z } from "zod";
import { AppError } from "../errors";

/**
 * Parses untrusted input with its protocol schema; a mismatch becomes VALIDATION_FAILED with
 * the first issue as the message and every issue in `details`.
 */
export function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  const first = issues[0];
  const message = first ? (first.path ? `${first.path}: ${first.message}` : first.message) : "Invalid input";
  throw new AppError("VALIDATION_FAILED", message, { details: issues });
}
