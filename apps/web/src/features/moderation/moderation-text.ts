import type { AuditEntry, RoomRole } from "@parley/protocol";

/** Words for the moderation log, the removal notice and the ban dialog. Pure, so tested. */

export const BAN_DURATIONS = [
  { value: "3600", label: "1 hour", seconds: 3600 },
  { value: "86400", label: "1 day", seconds: 86_400 },
  { value: "604800", label: "1 week", seconds: 604_800 },
  { value: "forever", label: "Until lifted", seconds: undefined },
] as const;

export type RemovalReason = "kicked" | "banned";

/** What someone removed from a room is told. */
export function removalText(reason: RemovalReason, roomName: string | null): string {
  const room = roomName ? `#${roomName}` : "this room";
  return reason === "banned"
    ? `You were banned from ${room}`
    : `You were removed from ${room} by a moderator`;
}

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** "12 Mar 2030, 14:05" (the reader's locale). */
export function formatWhen(iso: string): string {
  return when.format(new Date(iso));
}

const clock = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

/** "You are muted until 14:05" (today), or with the date when it ends on another day. */
export function mutedText(untilIso: string, now: Date = new Date()): string {
  const until = new Date(untilIso);
  const sameDay = until.toDateString() === now.toDateString();
  return `You are muted until ${sameDay ? clock.format(until) : formatWhen(untilIso)}`;
}

const ARTICLE: Record<RoomRole, string> = {
  owner: "an owner",
  admin: "an admin",
  moderator: "a moderator",
  member: "a member",
};

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

function isRole(value: unknown): value is RoomRole {
  return value === "owner" || value === "admin" || value === "moderator" || value === "member";
}

/** One log entry in words: "Ana banned Ben", with its details ("Reason: spam", "Until …"). */
export function describeAudit(
  entry: AuditEntry,
  format: (iso: string) => string = formatWhen,
): { summary: string; details: string[] } {
  const actor = entry.actor.displayName;
  const target = entry.target?.displayName ?? "someone";
  const d = entry.details;
  switch (entry.action) {
    case "member.kicked":
      return { summary: `${actor} kicked ${target}`, details: [] };
    case "member.banned": {
      const details: string[] = [];
      const reason = text(d.reason);
      details.push(reason ? `Reason: ${reason}` : "No reason given");
      const until = text(d.expiresAt);
      details.push(until ? `Until ${format(until)}` : "Until lifted");
      return { summary: `${actor} banned ${target}`, details };
    }
    case "member.unbanned":
      return { summary: `${actor} lifted the ban on ${target}`, details: [] };
    case "member.muted": {
      const until = text(d.mutedUntil);
      return { summary: `${actor} muted ${target}`, details: until ? [`Until ${format(until)}`] : [] };
    }
    case "member.unmuted":
      return { summary: `${actor} unmuted ${target}`, details: [] };
    case "member.role_changed": {
      return {
        summary: isRole(d.to)
          ? `${actor} made ${target} ${ARTICLE[d.to]}`
          : `${actor} changed ${target}'s role`,
        details: isRole(d.from) ? [`Was ${ARTICLE[d.from]}`] : [],
      };
    }
    case "message.removed":
      return { summary: `${actor} removed a message by ${target}`, details: [] };
    case "room.updated":
      return describeRoomChange(actor, d);
    default:
      return { summary: `${actor} took a moderation action on ${target}`, details: [] };
  }
}

const RECEIPTS_LABEL: Record<string, string> = { auto: "automatic", on: "on", off: "off" };

/** "Ana changed the room's settings" with what changed, or a picture set or removed. */
function describeRoomChange(
  actor: string,
  d: Record<string, unknown>,
): { summary: string; details: string[] } {
  if (d.avatar === "changed") return { summary: `${actor} changed the room's picture`, details: [] };
  if (d.avatar === "removed") return { summary: `${actor} removed the room's picture`, details: [] };
  const details: string[] = [];
  const name = text(d.name);
  if (name) details.push(`Name: ${name}`);
  if (typeof d.topic === "string") details.push(d.topic ? `Topic: ${d.topic}` : "Topic cleared");
  if (typeof d.description === "string")
    details.push(d.description ? "Description changed" : "Description cleared");
  if (typeof d.slowModeSeconds === "number") {
    details.push(d.slowModeSeconds > 0 ? `Slow mode: ${d.slowModeSeconds} s` : "Slow mode off");
  }
  if (typeof d.readReceipts === "string" && RECEIPTS_LABEL[d.readReceipts]) {
    details.push(`Read receipts: ${RECEIPTS_LABEL[d.readReceipts]}`);
  }
  if (d.archived === true) return { summary: `${actor} archived the room`, details };
  if (d.archived === false) return { summary: `${actor} unarchived the room`, details };
  return { summary: `${actor} changed the room's settings`, details };
}
