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
  /** The account has no password: it signs in with an OpenID Connect provider. */
  PASSWORD_NOT_SET: 401,
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
  /** No such message in this room (or it is not a message but a log event). */
  MESSAGE_NOT_FOUND: 404,
  /** A thread reply names a root that is itself a reply in a thread (threads do not nest). */
  INVALID_THREAD_ROOT: 422,
  /** An account with this email already exists. */
  EMAIL_TAKEN: 409,
  /** An emailed link (verification, password reset) is unknown, already used, or expired. */
  LINK_INVALID: 410,
  /** Changing the password: the current password given is wrong. */
  WRONG_PASSWORD: 403,
  /** Someone changed (or deleted) the message while this edit was being made: reload and retry. */
  EDIT_CONFLICT: 409,
  /** A request body was larger than the server accepts. */
  PAYLOAD_TOO_LARGE: 413,
  /** An image is over AVATAR_MAX_BYTES, or its dimensions are over AVATAR_MAX_PIXELS. */
  IMAGE_TOO_LARGE: 413,
  /** The file is not one of the accepted image types (decided from its bytes, not its name). */
  UNSUPPORTED_MEDIA_TYPE: 415,
  /** The file starts like an accepted image but cannot be decoded (truncated, corrupt). */
  IMAGE_UNREADABLE: 400,
  /** An uploaded file is over UPLOAD_MAX_BYTES. */
  FILE_TOO_LARGE: 413,
  /** The upload would take the uploader past their storage quota (UPLOAD_QUOTA_BYTES). */
  QUOTA_EXCEEDED: 413,
  /** The upload's file name is empty, or nothing is left of it once path parts are removed. */
  INVALID_FILE_NAME: 400,
  /** A send names an attachment that is not the sender's pending upload in that room. */
  ATTACHMENT_UNAVAILABLE: 409,
  /** The push subscription's endpoint is not an https URL of a public push service. */
  PUSH_ENDPOINT_REJECTED: 400,
  /** No such push subscription of mine (or the receipt's token does not match it). */
  PUSH_DEVICE_NOT_FOUND: 404,
  /** A `Range` header asks for bytes past the end of the file. */
  RANGE_NOT_SATISFIABLE: 416,
  /** Too many attempts; `Retry-After` says when to try again. */
  RATE_LIMITED: 429,
  /** The room is in slow mode: wait before posting again. */
  SLOW_MODE: 429,
  /** A bug or an unavailable dependency on the server. */
  INTERNAL: 500,
  /** The server cannot reach its database, or its disk failed to store a write: try another node, or later. */
  DATABASE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];
