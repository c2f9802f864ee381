/**
 * Where one of my messages stands, as the list shows it:
 * pending (typed, not stored yet) → sent (stored) → delivered (on another member's device)
 * → read (seen by the other person of a 1:1 conversation) — or failed (refused for good;
 * Retry or Delete). Group rooms show who read what with faces instead (see placeReaders).
 */
export type MessageStatus = "pending" | "sent" | "delivered" | "read" | "failed";

/** The room's watermarks for my messages (seq up to which each state is reached). */
export interface Watermarks {
  delivered: number;
  /** 1:1 conversations: the other person's read pointer (0 elsewhere). */
  read?: number;
}

/** Words for the status: shown beside the icon, and what a screen reader reads. */
export const STATUS_LABEL: Record<MessageStatus, string> = {
  pending: "Sending",
  sent: "Sent",
  delivered: "Delivered",
  read: "Seen",
  failed: "Failed",
};

/** The status of one of my stored messages. */
export function statusOfStored(seq: number, marks: Watermarks): MessageStatus {
  if (seq <= (marks.read ?? 0)) return "read";
  return seq <= marks.delivered ? "delivered" : "sent";
}
