import type { ClientFrame, ErrorCode, RoomRole } from "@parley/protocol";
import { AppError } from "../errors";

/**
 * Who may do what — the one place that decides. Every REST route declares its action
 * (`config.rule`, enforced by http/route-rules.ts) and every socket frame has one
 * (SOCKET_RULES); none checks a permission by hand. Like Firebase security rules, each action is one line of
 * a declared table, so a reviewer reads the whole policy here.
 */

export type Actor = { kind: "anonymous" } | { kind: "user"; userId: string };

export interface RoomResource {
  room: { id: string; visibility: "public" | "private" };
  /** The actor's membership, or null when not a member. */
  membership: { role: RoomRole } | null;
}

type Rule<R> = (actor: Extract<Actor, { kind: "user" }>, resource: R) => boolean;

const isMember: Rule<RoomResource> = (_a, r) => r.membership !== null;
const canSee: Rule<RoomResource> = (_a, r) => r.room.visibility === "public" || r.membership !== null;

/** Actions on a room. */
export const ROOM_RULES = {
  "room.view": canSee,
  "room.join": canSee,
  "room.leave": isMember,
  "room.read": isMember,
  "room.post": isMember,
  "room.receipt": isMember,
} satisfies Record<string, Rule<RoomResource>>;

/** Actions that need only a signed-in user. */
const anyUser: Rule<null> = () => true;

export const USER_RULES = {
  "room.create": anyUser,
  "room.list": anyUser,
  "session.read": anyUser,
} satisfies Record<string, Rule<null>>;

/** Actions open to anyone, signed in or not (they authenticate or say nothing private). */
export const PUBLIC_ACTIONS = ["account.signup", "account.login", "session.end", "server.health"] as const;

export type RoomAction = keyof typeof ROOM_RULES;
export type UserAction = keyof typeof USER_RULES;
export type PublicAction = (typeof PUBLIC_ACTIONS)[number];
export type Action = RoomAction | UserAction | PublicAction;

/** What an action is decided on: nothing, a signed-in user, or a room (from `:roomId`). */
export function scopeOf(action: Action): "public" | "user" | "room" {
  if (action in ROOM_RULES) return "room";
  if (action in USER_RULES) return "user";
  return "public";
}

/**
 * The rule behind every socket operation. Typed over the protocol's frame types, so a new
 * frame without a rule does not compile.
 */
export const SOCKET_RULES = {
  sync: "session.read",
  "message.send": "room.post",
  receipt: "room.receipt",
} as const satisfies Record<ClientFrame["type"], Action>;

export function can(actor: Actor, action: RoomAction, resource: RoomResource): boolean;
export function can(actor: Actor, action: UserAction, resource?: null): boolean;
export function can(actor: Actor, action: RoomAction | UserAction, resource?: RoomResource | null): boolean {
  if (actor.kind !== "user") return false;
  if (action in ROOM_RULES) {
    if (!resource) return false;
    return ROOM_RULES[action as RoomAction](actor, resource);
  }
  return USER_RULES[action as UserAction](actor, null);
}

/**
 * Throws the error a denied actor should see. A private room the actor cannot see is
 * reported as not found (404), never as forbidden, so its existence does not leak.
 */
export function authorize(actor: Actor, action: RoomAction, resource: RoomResource | null): string;
export function authorize(actor: Actor, action: UserAction): string;
/** Returns the acting user's id when allowed. */
export function authorize(
  actor: Actor,
  action: RoomAction | UserAction,
  resource?: RoomResource | null,
): string {
  if (actor.kind !== "user") throw new AppError("UNAUTHENTICATED", "Sign in first");
  if (action in ROOM_RULES) {
    if (!resource || !ROOM_RULES["room.view"](actor, resource)) {
      throw new AppError("ROOM_NOT_FOUND", "No such room");
    }
    if (!ROOM_RULES[action as RoomAction](actor, resource)) {
      const code: ErrorCode = resource.membership ? "FORBIDDEN" : "NOT_A_MEMBER";
      throw new AppError(code, code === "NOT_A_MEMBER" ? "Join the room first" : "Not allowed");
    }
    return actor.userId;
  }
  if (!USER_RULES[action as UserAction](actor, null)) throw new AppError("FORBIDDEN", "Not allowed");
  return actor.userId;
}
