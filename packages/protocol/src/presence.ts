import { z } from "zod";
import { Id, Timestamp } from "./common";

/**
 * Live awareness: typing indicators and presence. Both are ephemeral — they travel over the
 * socket and the bus, never through the room log — so their timings are shared constants:
 * the client and the server must agree on them for an indicator to neither flicker nor linger.
 */

/** A typing client sends `typing` at most this often while the person keeps typing. */
export const TYPING_SEND_INTERVAL_MS = 2_500;
/**
 * A typist shown without a fresh `typing` for this long is dropped (they stopped, or their
 * tab went away). More than two send intervals, so one late frame does not make it flicker.
 */
export const TYPING_EXPIRE_MS = 6_000;
/** The server ignores `typing` frames of one connection that come faster than this. */
export const TYPING_MIN_INTERVAL_MS = 1_000;

/** A tab with no input (or hidden) for this long reports itself idle. */
export const IDLE_AFTER_MS = 5 * 60_000;
/** Most users one `presence.watch` may name (a member list page, a picker, the DMs). */
export const PRESENCE_WATCH_MAX = 500;

/** What one tab (connection) reports about its person. */
export const PresenceState = z.enum(["active", "idle"]);
export type PresenceState = z.infer<typeof PresenceState>;

/**
 * A person's presence over all their devices: online if any connection is active, away if
 * every connection is idle, offline when none is left.
 */
export const PresenceStatus = z.enum(["online", "away", "offline"]);
export type PresenceStatus = z.infer<typeof PresenceStatus>;

export const UserPresence = z.object({
  userId: Id,
  status: PresenceStatus,
  /**
   * Offline only: when the person's last connection went away (null when never seen since
   * presence was recorded). Null while online or away.
   */
  lastSeenAt: Timestamp.nullable(),
});
export type UserPresence = z.infer<typeof UserPresence>;
