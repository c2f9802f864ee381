/**
 * Where one of my messages stands, as the list shows it:
 * pending (typed, not stored yet) → sent (stored) → delivered (on another member's device)
 * → read (seen by another member) — or failed (refused for good; Retry or Delete).
 *
 * "read" is not produced yet: it comes with read receipts, as a second watermark beside
 * `delivered` in `Watermarks` and one more comparison in `statusOfStored`.
 */
export type MessageStatus = "pending" | "sent" | "delivered" | "read" | "failed";

/** The room's watermarks for my messages (seq up to which each state is reached). */
export interface Watermarks {
  delivered: number;
}

/** Words for the status: shown beside the icon, and what a screen reader reads. */
export const STATUS_LABEL: Record<MessageStatus, string> = {
  pending: "Sending",
  sent: "Sent",
  delivered: "Delivered",
  read: "Read",
  failed: "Failed",
};

/** The status of one of my stored messages. */
export function statusOfStored(seq: number, marks: Watermarks): MessageStatus {
  return seq <= marks.delivered ? "delivered" : "sent";
}
