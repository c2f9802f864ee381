/** Limits that both sides enforce: the client to warn early, the server to decide. */
export const MESSAGE_MAX_LENGTH = 4000;
export const ROOM_NAME_MAX_LENGTH = 80;
export const ROOM_TOPIC_MAX_LENGTH = 250;
export const DISPLAY_NAME_MAX_LENGTH = 64;
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;
/** Page size of a history request (and of the first load of a room). */
export const HISTORY_PAGE_SIZE = 50;
export const HISTORY_PAGE_MAX = 200;
/**
 * A resuming client that missed more than this many messages in one room is told to reload
 * that room instead of receiving them all over the socket.
 */
export const RESUME_MAX_MESSAGES = 1000;
