import { ERROR_STATUS, type ErrorCode } from "@parley/protocol";

/**
 * The one error type that crosses the API boundary. Thrown anywhere; the HTTP error handler
 * and the socket turn it into `{error:{code,message}}` with the code's fixed status.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details?: unknown;
  /** Seconds after which a rate-limited request may be retried. */
  readonly retryAfterSeconds?: number;

  constructor(
    code: ErrorCode,
    message: string,
    extra: { details?: unknown; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.details = extra.details;
    this.retryAfterSeconds = extra.retryAfterSeconds;
  }

  toBody() {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.details === undefined ? {} : { details: this.details }),
      },
    };
  }
}
