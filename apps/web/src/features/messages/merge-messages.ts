import { addReplyToSummary, type Message } from "@parley/protocol";

/**
 * Merges two runs of a room's log into one ascending by seq, with one entry per seq. When
 * both hold a seq, the incoming copy wins (it is the fresher one) — except that a deleted
 * message never comes back, an edited one never reverts to an older text, and no copy older
 * than the one held (by `eventSeq`, the newest event applied to it) replaces it: a page fetched
 * before a change may arrive after it. Event entries among the incoming ones (deletions,
 * edits, reactions) are applied to their target messages, wherever those are, once each.
 * Returns `existing` itself when nothing changed, so React Query and React can skip a
 * re-render.
 */
export function mergeMessages(
  existing: readonly Message[],
  incoming: readonly Message[],
): readonly Message[] {
  if (incoming.length === 0) return existing;
  const bySeq = new Map<number, Message>();
  for (const message of existing) bySeq.set(message.seq, message);
  let changed = false;
  for (const message of incoming) {
    const previous = bySeq.get(message.seq);
    if (
      previous !== undefined &&
      (sameMessage(previous, message) ||
        staleUndelete(previous, message) ||
        staleText(previous, message) ||
        (previous.eventSeq ?? 0) > (message.eventSeq ?? 0))
    ) {
      // The copy held stays, but a fresher thread summary (more replies counted) is taken.
      const thread = newerThread(previous, message);
      if (thread !== previous.thread) {
        bySeq.set(message.seq, { ...previous, thread });
        changed = true;
      }
      continue;
    }
    const thread = previous === undefined ? message.thread : newerThread(previous, message);
    bySeq.set(message.seq, thread === message.thread ? message : { ...message, thread });
    changed = true;
  }
  // Thread replies among the incoming ones count on their root's summary, wherever it is —
  // once each: a root copy that already counts a reply has it in its `lastReplySeq`.
  const replies = incoming.filter((m) => m.kind === "message" && m.threadRootId);
  if (replies.length > 0) {
    const seqById = new Map([...bySeq.values()].map((m) => [m.id, m.seq]));
    for (const reply of replies) {
      const seq = seqById.get(reply.threadRootId ?? "");
      const root = seq === undefined ? undefined : bySeq.get(seq);
      if (root === undefined) continue;
      const thread = addReplyToSummary(root.thread, reply);
      if (thread === root.thread) continue;
      bySeq.set(root.seq, { ...root, thread });
      changed = true;
    }
  }
  const events = incoming.filter((m) => m.kind !== "message" && m.targetId !== null);
  if (events.length > 0) {
    const seqById = new Map([...bySeq.values()].map((m) => [m.id, m.seq]));
    for (const event of events) {
      const seq = seqById.get(event.targetId ?? "");
      const target = seq === undefined ? undefined : bySeq.get(seq);
      if (target === undefined || target.deleted !== null) continue;
      // Already in this copy of the target (a replay, or a copy fetched after the event).
      if (event.seq <= (target.eventSeq ?? 0)) continue;
      if (event.kind === "edit" && !newerEdit(target, event)) continue;
      bySeq.set(target.seq, { ...applyEvent(target, event), eventSeq: event.seq });
      changed = true;
    }
  }
  if (!changed) return existing;
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** The target as the server now stores it: no body, and who removed it. */
function deleted(target: Message, deletion: Message): Message {
  return { ...target, body: "", deleted: deletion.author.id === target.author.id ? "author" : "moderator" };
}

function applyEvent(target: Message, event: Message): Message {
  switch (event.kind) {
    case "deletion":
      return deleted(target, event);
    case "edit":
      return edited(target, event);
    case "reaction":
    case "unreaction":
      return { ...target, reactions: reacted(target.reactions ?? [], event) };
    default:
      return target;
  }
}

/** The target's reactions with one person's emoji added or taken back. */
function reacted(
  reactions: NonNullable<Message["reactions"]>,
  event: Message,
): NonNullable<Message["reactions"]> {
  const who = event.author.id;
  const emoji = event.body;
  if (event.kind === "reaction") {
    const entry = reactions.find((r) => r.emoji === emoji);
    if (!entry) return [...reactions, { emoji, userIds: [who] }];
    if (entry.userIds.includes(who)) return reactions;
    return reactions.map((r) => (r === entry ? { emoji, userIds: [...r.userIds, who] } : r));
  }
  return reactions
    .map((r) => (r.emoji === emoji ? { emoji, userIds: r.userIds.filter((id) => id !== who) } : r))
    .filter((r) => r.userIds.length > 0);
}

/** The target with the text an edit gave it, as the server now stores it. */
function edited(target: Message, edit: Message): Message {
  return { ...target, body: edit.body, editedAt: edit.createdAt };
}

/** Whether an edit is later than the text the target already has (edits may be replayed). */
function newerEdit(target: Message, edit: Message): boolean {
  return !target.editedAt || target.editedAt < edit.createdAt;
}

/** A copy with an older text than the one held (fetched before an edit we already applied). */
function staleText(previous: Message, incoming: Message): boolean {
  return !!previous.editedAt && (!incoming.editedAt || incoming.editedAt < previous.editedAt);
}

/** Of two copies of a root, the thread summary that counts more replies (ties: the held one). */
function newerThread(previous: Message, incoming: Message): Message["thread"] {
  const held = previous.thread?.lastReplySeq ?? 0;
  return (incoming.thread?.lastReplySeq ?? 0) > held ? incoming.thread : previous.thread;
}

function staleUndelete(previous: Message, incoming: Message): boolean {
  return previous.deleted !== null && incoming.deleted === null;
}

function sameMessage(a: Message, b: Message): boolean {
  return (
    a.id === b.id &&
    a.body === b.body &&
    a.deleted === b.deleted &&
    a.editedAt === b.editedAt &&
    a.eventSeq === b.eventSeq &&
    a.author.displayName === b.author.displayName
  );
}
