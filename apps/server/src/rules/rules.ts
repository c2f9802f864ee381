import type { ClientFrame, ErrorCode, RoomRole } from "@parley/protocol";
import { AppError } from "../errors";

/**
 * Who may do what — the one place that decides. Every REST route declares its action
 * (`config.rule`, enforced by http/route-rules.ts) and every socket frame has one
 * (SOCKET_RULES); none checks a permission by hand. Like Firebase security rules, each action is one line of
 * a declared table, so a reviewer reads the whole policy here.
 */

export type Actor = { kind: "anonymous" } | { kind: "user"; userId: string; isAdmin?: boolean };

export interface RoomResource {
  room: {
    id: string;
    visibility: "public" | "private";
    kind: "channel" | "dm" | "group";
    archived: boolean;
    /** Seconds between two messages of one member; 0 = off. */
    slowModeSeconds: number;
  };
  /** The actor's membership, or null when not a member. */
  membership: { role: RoomRole; mutedUntil: string | null; lastPostedAt: string | null } | null;
  /** The actor is under an active ban in this room. */
  banned: boolean;
  /** For actions on another person: their current role here (null: not a member). */
  target?: { userId: string; role: RoomRole | null; banned?: boolean };
  /** The actor holds a valid invite link to this room (it makes a private room visible). */
  invited?: boolean;
  /** For actions on a message (`:messageId`): its author, or null when no such message. */
  message?: { authorId: string } | null;
}

/** Allowed, or why not (the error the actor sees). */
type Verdict = true | { code: ErrorCode; message: string };
type Rule<R> = (actor: Extract<Actor, { kind: "user" }>, resource: R, now: Date) => Verdict;

const RANK: Record<RoomRole, number> = { member: 1, moderator: 2, admin: 3, owner: 4 };
export const rankOf = (role: RoomRole | null | undefined): number => (role ? RANK[role] : 0);

const deny = (code: ErrorCode, message: string): Verdict => ({ code, message });
const NOT_MEMBER = deny("NOT_A_MEMBER", "Join the room first");

const isMember: Rule<RoomResource> = (_a, r) => (r.membership ? true : NOT_MEMBER);
const canSee = (r: RoomResource) =>
  (r.room.kind === "channel" && r.room.visibility === "public") ||
  r.membership !== null ||
  r.invited === true;

/** At least this role, and acting on someone ranked strictly below (never on oneself). */
const outranks =
  (minimum: RoomRole): Rule<RoomResource> =>
  (actor, r) => {
    if (!r.membership) return NOT_MEMBER;
    if (rankOf(r.membership.role) < RANK[minimum])
      return deny("FORBIDDEN", `Only a ${minimum} or above can do that`);
    if (
      r.target &&
      (r.target.userId === actor.userId || rankOf(r.target.role) >= rankOf(r.membership.role))
    ) {
      return deny("FORBIDDEN", "You cannot do that to someone of your rank or above");
    }
    return true;
  };

const atLeast =
  (minimum: RoomRole): Rule<RoomResource> =>
  (_a, r) => {
    if (!r.membership) return NOT_MEMBER;
    return rankOf(r.membership.role) >= RANK[minimum]
      ? true
      : deny("FORBIDDEN", `Only a ${minimum} or above can do that`);
  };

/** A member who may write here at all: the room is not archived and they are not muted. */
const mayWrite: Rule<RoomResource> = (a, r, now) => {
  const member = isMember(a, r, now);
  if (member !== true || !r.membership) return member;
  if (r.room.archived) return deny("ROOM_ARCHIVED", "This room is archived: it is read-only");
  if (r.membership.mutedUntil && r.membership.mutedUntil > now.toISOString()) {
    return deny("MUTED", "You are muted in this room");
  }
  return true;
};

/** A member acting on a message of the room (reading its thread, following it). */
const memberOnMessage: Rule<RoomResource> = (a, r, now) => {
  const member = isMember(a, r, now);
  if (member !== true) return member;
  return r.message ? true : deny("MESSAGE_NOT_FOUND", "No such message in this room");
};

/** Actions on a room. A room the actor cannot see is always "not found" (see authorize). */
export const ROOM_RULES = {
  "room.view": () => true,
  "room.members.list": () => true,
  "room.join": (_a, r) => {
    if (r.banned) return deny("BANNED", "You are banned from this room");
    if (r.room.kind !== "channel" || r.room.visibility !== "public") {
      return r.membership ? true : deny("FORBIDDEN", "This room is by invitation only");
    }
    return true;
  },
  /** Joining through an invite link: the link opens private rooms, a ban still bars. */
  "room.join.invited": (_a, r) => {
    if (r.banned) return deny("BANNED", "You are banned from this room");
    return r.room.kind === "channel" ? true : deny("FORBIDDEN", "Invite links are for channels");
  },
  /** Adding someone: any member of a channel, never someone banned from it. */
  "room.members.add": (a, r, now) => {
    const member = isMember(a, r, now);
    if (member !== true) return member;
    if (r.room.kind !== "channel")
      return deny("FORBIDDEN", "People cannot be added to a direct conversation");
    if (r.target?.banned) return deny("BANNED", "That person is banned from this room");
    return true;
  },
  "room.invites.manage": atLeast("moderator"),
  "room.leave": (a, r) => {
    const member = isMember(a, r, new Date());
    if (member !== true) return member;
    return r.room.kind === "dm" ? deny("FORBIDDEN", "A direct conversation cannot be left") : true;
  },
  "room.read": isMember,
  "room.receipt": isMember,
  /** My read pointer and my notification level: any member, muted or not. */
  "room.mark_read": isMember,
  /** Who has read how far: the room's members (the room's setting may show nobody). */
  "room.receipts.read": isMember,
  "room.notify.set": isMember,
  "room.post": (a, r, now) => {
    const writer = mayWrite(a, r, now);
    if (writer !== true || !r.membership) return writer;
    // Slow mode: one message per member per N seconds; moderators and up are exempt.
    const { slowModeSeconds } = r.room;
    if (slowModeSeconds > 0 && rankOf(r.membership.role) < RANK.moderator && r.membership.lastPostedAt) {
      const wait = Date.parse(r.membership.lastPostedAt) + slowModeSeconds * 1000 - now.getTime();
      if (wait > 0)
        return deny("SLOW_MODE", `Slow mode: wait ${Math.ceil(wait / 1000)} s before posting again`);
    }
    return true;
  },
  /**
   * Deleting a message: its author (not in an archived room: that is read-only), or a
   * moderator and up of a channel, whose message it is (shown as "removed by a moderator").
   */
  /** "Ana is typing…": whoever may post, slow mode aside (typing is not posting). */
  "room.typing": mayWrite,
  /** Uploading a file to attach: whoever may write here (slow mode is the message's, not the upload's). */
  "attachment.upload": mayWrite,
  /** The file of a message: members only; to anyone else it does not exist (404, not 403). */
  "attachment.read": (_a, r) => (r.membership ? true : deny("NOT_FOUND", "No such attachment")),
  /** Changing a message's text: its author, who may still write here (not muted, not archived). */
  "message.edit": (a, r, now) => {
    const writer = mayWrite(a, r, now);
    if (writer !== true) return writer;
    if (!r.message) return deny("MESSAGE_NOT_FOUND", "No such message in this room");
    return r.message.authorId === a.userId ? true : deny("FORBIDDEN", "You can edit only your own messages");
  },
  /** Reacting to a message: a member who may write here (a mute silences reactions too). */
  "message.react": (a, r, now) => {
    const writer = mayWrite(a, r, now);
    if (writer !== true) return writer;
    return r.message ? true : deny("MESSAGE_NOT_FOUND", "No such message in this room");
  },
  /** A thread under a message: the room's members (whether it is a root is the route's to say). */
  "thread.read": memberOnMessage,
  /**
   * Following a thread and moving my read pointer in it: any member, muted or not (like the
   * room's read pointer); replying needs `message.send`, as any post does.
   */
  "thread.follow": memberOnMessage,
  "thread.mark_read": memberOnMessage,
  /** An edited message's earlier texts: its author, and moderators and up in a channel. */
  "message.history": (a, r, now) => {
    const member = isMember(a, r, now);
    if (member !== true || !r.membership) return member;
    if (!r.message) return deny("MESSAGE_NOT_FOUND", "No such message in this room");
    const moderator = r.room.kind === "channel" && rankOf(r.membership.role) >= RANK.moderator;
    return moderator || r.message.authorId === a.userId
      ? true
      : deny("FORBIDDEN", "Only moderators see the earlier versions of someone else's message");
  },
  "message.delete": (a, r, now) => {
    const member = isMember(a, r, now);
    if (member !== true || !r.membership) return member;
    if (!r.message) return deny("MESSAGE_NOT_FOUND", "No such message in this room");
    const moderator = r.room.kind === "channel" && rankOf(r.membership.role) >= RANK.moderator;
    if (r.message.authorId === a.userId) {
      return r.room.archived && !moderator
        ? deny("ROOM_ARCHIVED", "This room is archived: it is read-only")
        : true;
    }
    return moderator ? true : deny("FORBIDDEN", "You can delete only your own messages");
  },
  "room.kick": outranks("moderator"),
  "room.ban": outranks("moderator"),
  "room.mute": outranks("moderator"),
  "room.unban": atLeast("moderator"),
  "room.bans.list": atLeast("moderator"),
  /** Changing someone's role: admins and owners, on people below them. */
  "room.role.change": outranks("admin"),
  "room.audit.read": atLeast("admin"),
  "room.manage": (a, r, now) => {
    const admin = atLeast("admin")(a, r, now);
    if (admin !== true) return admin;
    return r.room.kind === "channel" ? true : deny("FORBIDDEN", "Direct conversations have no settings");
  },
  "room.delete": atLeast("owner"),
} satisfies Record<string, Rule<RoomResource>>;

/** Actions that need only a signed-in user. */
const anyUser: Rule<null> = () => true;
const serverAdmin = (a: Extract<Actor, { kind: "user" }>): Verdict =>
  a.isAdmin ? true : deny("FORBIDDEN", "Only a server administrator can do that");

export const USER_RULES = {
  "room.create": anyUser,
  "room.list": anyUser,
  "session.read": anyUser,
  /**
   * My own sign-in settings (email confirmation, password, digest) and my own sessions: the
   * routes act only on the caller (`/api/me/...`); another person's session is "not found".
   */
  "account.security": anyUser,
  "sessions.manage": anyUser,
  "users.search": anyUser,
  "conversation.open": anyUser,
  "server.users.list": (a) => serverAdmin(a),
  "server.users.deactivate": (a) => serverAdmin(a),
  "server.rooms.list": (a) => serverAdmin(a),
  "invite.use": anyUser,
  /** My read state across my rooms, and my inbox: only ever my own. */
  "rooms.read_state": anyUser,
  "notifications.own": anyUser,
  /** The threads I follow (in rooms I am still a member of: the query keeps to those). */
  "threads.own": anyUser,
  /** Search the messages of my rooms: the query itself keeps to rooms I am a member of now. */
  "search.messages": anyUser,
  "server.jobs.list": (a) => serverAdmin(a),
  "server.jobs.retry": (a) => serverAdmin(a),
  /**
   * Anyone's profile (name, status, avatar), as anyone signed in can find anyone in the people
   * search; and the avatar images, named by a hash that only a profile reveals.
   */
  "profiles.read": anyUser,
  "media.avatar.read": anyUser,
  /** My own profile and avatar: the routes act only on the caller (`/api/me/...`). */
  "profile.update": anyUser,
  /** My own tab's presence (active or idle). */
  "presence.report": anyUser,
  /**
   * Anyone's presence, as anyone signed in can find anyone in the people search; presence
   * says no more than whether they are around.
   */
  "presence.watch": anyUser,
  /** My own push devices, settings and test: the routes act only on the caller's rows. */
  "push.own": anyUser,
  /** Every account's push devices: is push working for everyone? */
  "server.push.list": (a) => serverAdmin(a),
} satisfies Record<string, Rule<null>>;

/** Actions open to anyone, signed in or not (they authenticate or say nothing private). */
export const PUBLIC_ACTIONS = [
  "account.signup",
  "account.login",
  "session.end",
  // Password reset and email confirmation: the emailed token is the credential (the asking
  // answers the same for every address, and is rate-limited per address and per network).
  "account.password.reset_request",
  "account.password.reset",
  "account.email.verify",
  "server.health",
  // A browser reporting a Content-Security-Policy violation (no cookie is needed to report).
  "csp.report",
  // Sign-in with an OpenID provider: which providers exist, and the browser redirects of the
  // flow (the state, tied to the browser that started it, is checked by the callback).
  "account.oidc.providers",
  "account.oidc.start",
  "account.oidc.callback",
  // A service worker confirming a push arrived: it may run without a session, and the
  // subscription's secret from the encrypted payload authenticates it (domains/push).
  "push.receipt",
] as const;

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
  typing: "room.typing",
  presence: "presence.report",
  "presence.watch": "presence.watch",
} as const satisfies Record<ClientFrame["type"], Action>;

export function can(actor: Actor, action: RoomAction, resource: RoomResource): boolean;
export function can(actor: Actor, action: UserAction, resource?: null): boolean;
export function can(actor: Actor, action: RoomAction | UserAction, resource?: RoomResource | null): boolean {
  try {
    if (action in ROOM_RULES) authorize(actor, action as RoomAction, resource ?? null);
    else authorize(actor, action as UserAction);
    return true;
  } catch {
    return false;
  }
}

/**
 * Throws the error a denied actor should see; returns the acting user's id when allowed. A
 * room the actor cannot see is reported as not found (404), never as forbidden, so its
 * existence does not leak.
 */
export function authorize(
  actor: Actor,
  action: RoomAction,
  resource: RoomResource | null,
  now?: Date,
): string;
export function authorize(actor: Actor, action: UserAction): string;
export function authorize(
  actor: Actor,
  action: RoomAction | UserAction,
  resource?: RoomResource | null,
  now: Date = new Date(),
): string {
  if (actor.kind !== "user") throw new AppError("UNAUTHENTICATED", "Sign in first");
  if (action in ROOM_RULES) {
    if (!resource || !canSee(resource)) throw new AppError("ROOM_NOT_FOUND", "No such room");
    const verdict = (ROOM_RULES[action as RoomAction] as Rule<RoomResource>)(actor, resource, now);
    if (verdict !== true) throw new AppError(verdict.code, verdict.message);
    return actor.userId;
  }
  const verdict = (USER_RULES[action as UserAction] as Rule<null>)(actor, null, now);
  if (verdict !== true) throw new AppError(verdict.code, verdict.message);
  return actor.userId;
}
