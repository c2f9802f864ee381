/**
 * Stable error codes shared by the server and the client. The client branches on `code`,
 * never on the message text. Each code has exactly one HTTP status.
 */
export const ERROR_STATUS = {
  /** The request body, query or frame did not match its schema. */
  VALIDATION_FAILED: 400,
  /** The password does not meet the strength rules. */
  WEAK_PASSWORD: 400,
  /** A message body is longer than MESSAGE_MAX_LENGTH. */
  MESSAGE_TOO_LONG: 400,
  /** No valid session: sign in first. */
  UNAUTHENTICATED: 401,
  /** Email and password do not match an account. */
  INVALID_CREDENTIALS: 401,
  /** An administrator deactivated this account. */
  ACCOUNT_DEACTIVATED: 403,
  /** The request lacked the CSRF header or came from a foreign origin. */
  CSRF_REJECTED: 403,
  /** Signed in, but the rules module does not allow this action. */
  FORBIDDEN: 403,
  /** Posting or reading a room requires membership. */
  NOT_A_MEMBER: 403,
  /** Banned from this room: cannot join, rejoin or use an invite until the ban ends. */
  BANNED: 403,
  /** Muted in this room: may read, cannot post or react until the mute ends. */
  MUTED: 403,
  /** The room is archived: read-only. */
  ROOM_ARCHIVED: 403,
  /** The invite link is unknown, revoked, expired or used up. */
  INVITE_INVALID: 410,
  /** The route or resource does not exist (or is hidden from this user). */
  NOT_FOUND: 404,
  ROOM_NOT_FOUND: 404,
  /** An account with this email already exists. */
  EMAIL_TAKEN: 409,
  /** A request body was larger than the server accepts. */
  PAYLOAD_TOO_LARGE: 413,
  /** Too many attempts; `Retry-After` says when to try again. */
  RATE_LIMITED: 429,
  /** The room is in slow mode: wait before posting again. */
  SLOW_MODE: 429,
  /** A bug or an unavailable dependency on the server. */
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];
