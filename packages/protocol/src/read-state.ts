import { z } from "zod";
import { Id, Seq } from "./common";

/** How much a room notifies: every message, only mentions (and DMs), or nothing. */
export const NotifyLevel = z.enum(["all", "mentions", "mute"]);
export type NotifyLevel = z.infer<typeof NotifyLevel>;

/** Move my read pointer forward to `seq` (messages seen in a focused window). */
export const MarkReadRequest = z.object({ seq: Seq });
export type MarkReadRequest = z.infer<typeof MarkReadRequest>;

/** My read state in one room, as it now is. */
export const ReadState = z.object({
  roomId: Id,
  /** The highest seq I have read; only grows. */
  readSeq: Seq,
  /** The room's newest seq when this was counted (live messages after it are not in the counts). */
  lastSeq: Seq,
  /** Messages by others after readSeq (not deleted), counted up to UNREAD_COUNT_CAP. */
  unreadCount: z.number().int().nonnegative(),
  /** Unread mentions of me (and @room/@here) after readSeq. */
  mentionCount: z.number().int().nonnegative(),
});
export type ReadState = z.infer<typeof ReadState>;

export const ReadStateResponse = z.object({ read: ReadState });
export const ReadStatesResponse = z.object({ reads: z.array(ReadState) });
export type ReadStatesResponse = z.infer<typeof ReadStatesResponse>;

export const UpdateNotifyRequest = z.object({ level: NotifyLevel });
export type UpdateNotifyRequest = z.infer<typeof UpdateNotifyRequest>;

/**
 * Read receipts in a room: "auto" shows them in direct conversations and in rooms of up to
 * RECEIPTS_AUTO_MAX_MEMBERS members (in a crowd, rows of faces are noise and cost fan-out);
 * "on" and "off" are a room admin's explicit choice. 1:1 conversations always show them.
 */
export const ReadReceiptsSetting = z.enum(["auto", "on", "off"]);
export type ReadReceiptsSetting = z.infer<typeof ReadReceiptsSetting>;

/** Past this many members, "auto" turns read receipts off. */
export const RECEIPTS_AUTO_MAX_MEMBERS = 50;

/** Whether a room shows who has read what: the one rule, shared by server and client. */
export function readReceiptsEnabled(room: {
  kind: "channel" | "dm" | "group";
  readReceipts: ReadReceiptsSetting;
  memberCount: number;
}): boolean {
  if (room.kind === "dm") return true;
  if (room.readReceipts !== "auto") return room.readReceipts === "on";
  return room.memberCount <= RECEIPTS_AUTO_MAX_MEMBERS;
}

/** How far one member has read a room. */
export const ReadReceipt = z.object({ userId: Id, readSeq: Seq });
export type ReadReceipt = z.infer<typeof ReadReceipt>;

/** Every other member's read pointer (only members who read something); empty when receipts are off. */
export const ReadReceiptsResponse = z.object({ enabled: z.boolean(), receipts: z.array(ReadReceipt) });
export type ReadReceiptsResponse = z.infer<typeof ReadReceiptsResponse>;

/** Unread counts stop here (shown as "99+"): counting further costs time and tells nobody more. */
export const UNREAD_COUNT_CAP = 100;
