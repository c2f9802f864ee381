import { Attachment, ReplyPreview } from "@parley/protocol";
import { insertEntry, type OutboxEntry, type OutboxState, settle } from "./outbox";

/**
 * The outbox as stored (IndexedDB) and as told to the user's other tabs (BroadcastChannel).
 * Pure, so the rules are tested without a browser; `outbox-db.ts` is the thin adapter.
 *
 * What is shared is an entry minus its in-flight state: "sending" means "on *this* tab's
 * socket, waiting for the ack", which no other tab and no later page load can vouch for.
 * Stored and shared, it is "queued"; restored, a "sending" record (there are none, but the
 * rule is the safe one) becomes "queued" and is resent with its clientId — the server
 * deduplicates, so a send that did land comes back as a duplicate ack.
 *
 * Multi-tab: tabs exchange *changes*, never whole snapshots, so no tab can overwrite another
 * tab's newer state with an older copy. Only the tab that typed a message adds it; a removed
 * entry (stored, or deleted by the user) is remembered for the session so a late or
 * reordered add can never bring it back.
 */
export type StoredStatus = "queued" | "failed";

export interface OutboxRecord {
  clientId: string;
  /** Whose outbox it is: records are loaded (and sent) only for the user who wrote them. */
  userId: string;
  roomId: string;
  body: string;
  createdAt: string;
  status: StoredStatus;
  error: string | null;
  /** The uploaded files it carries (absent in records of older app versions: none). */
  attachments?: readonly Attachment[];
  /** The message it answers (absent: none). */
  replyTo?: ReplyPreview;
  /** The thread it is posted in (absent: the room's timeline). */
  threadRootId?: string;
}

export type OutboxChange =
  | { kind: "add"; record: OutboxRecord }
  | { kind: "update"; clientId: string; status: StoredStatus; error: string | null }
  | { kind: "remove"; clientId: string };

export function storedStatus(status: OutboxEntry["status"]): StoredStatus {
  return status === "failed" ? "failed" : "queued";
}

export function toRecord(entry: OutboxEntry, userId: string): OutboxRecord {
  return {
    clientId: entry.clientId,
    userId,
    roomId: entry.roomId,
    body: entry.body,
    createdAt: entry.createdAt,
    status: storedStatus(entry.status),
    error: entry.status === "failed" ? entry.error : null,
    ...(entry.attachments?.length ? { attachments: entry.attachments } : {}),
    ...(entry.replyTo ? { replyTo: entry.replyTo } : {}),
    ...(entry.threadRootId ? { threadRootId: entry.threadRootId } : {}),
  };
}

const isString = (value: unknown): value is string => typeof value === "string";

/**
 * A stored or broadcast record back into an entry, or null if it is not one of this user's
 * (another account's, or the shape of an older or newer app version).
 */
export function fromRecord(raw: unknown, userId: string): OutboxEntry | null {
  if (typeof raw !== "object" || raw === null) return null;
  const r = raw as Record<string, unknown>;
  if (r.userId !== userId) return null;
  if (!isString(r.clientId) || !isString(r.roomId) || !isString(r.body) || !isString(r.createdAt)) {
    return null;
  }
  if (r.status !== "queued" && r.status !== "sending" && r.status !== "failed") return null;
  const failed = r.status === "failed";
  // Files are checked against the protocol's schema: a malformed list drops the record.
  let attachments: Attachment[] | undefined;
  if (r.attachments !== undefined) {
    const parsed = Attachment.array().safeParse(r.attachments);
    if (!parsed.success) return null;
    attachments = parsed.data;
  }
  // The quote too: a malformed one drops the record rather than sending a broken reply.
  let replyTo: ReplyPreview | undefined;
  if (r.replyTo !== undefined) {
    const parsed = ReplyPreview.safeParse(r.replyTo);
    if (!parsed.success) return null;
    replyTo = parsed.data;
  }
  // A thread reply must stay one: a malformed root drops the record rather than post it in the room.
  if (r.threadRootId !== undefined && !isString(r.threadRootId)) return null;
  return {
    ...(attachments?.length ? { attachments } : {}),
    ...(replyTo ? { replyTo } : {}),
    ...(isString(r.threadRootId) ? { threadRootId: r.threadRootId } : {}),
    clientId: r.clientId,
    roomId: r.roomId,
    body: r.body,
    createdAt: r.createdAt,
    status: failed ? "failed" : "queued",
    error: failed ? (isString(r.error) ? r.error : "Not sent") : null,
  };
}

/** What a page load starts from: this user's valid records, oldest first. */
export function restoreOutbox(records: readonly unknown[], userId: string): OutboxEntry[] {
  return records
    .map((record) => fromRecord(record, userId))
    .filter((entry): entry is OutboxEntry => entry !== null)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.clientId.localeCompare(b.clientId));
}

/** The changes that turn `prev` into `next`, as far as storage and other tabs are concerned. */
export function diffOutbox(prev: OutboxState, next: OutboxState, userId: string): OutboxChange[] {
  const before = new Map(prev.map((e) => [e.clientId, e]));
  const changes: OutboxChange[] = [];
  for (const entry of next) {
    const old = before.get(entry.clientId);
    before.delete(entry.clientId);
    if (old === undefined) {
      changes.push({ kind: "add", record: toRecord(entry, userId) });
      continue;
    }
    const was = toRecord(old, userId);
    const now = toRecord(entry, userId);
    if (was.status !== now.status || was.error !== now.error) {
      changes.push({ kind: "update", clientId: entry.clientId, status: now.status, error: now.error });
    }
  }
  for (const clientId of before.keys()) changes.push({ kind: "remove", clientId });
  return changes;
}

/**
 * Applies another tab's changes. An add of a removed entry is ignored; "queued" from another
 * tab does not interrupt this tab's own send in flight, it only lifts a "failed" (a Retry).
 */
export function applyChanges(
  state: OutboxState,
  changes: readonly OutboxChange[],
  removed: ReadonlySet<string>,
  userId: string,
): OutboxState {
  let next = state;
  for (const change of changes) {
    if (change.kind === "remove") {
      next = settle(next, change.clientId);
    } else if (change.kind === "add") {
      const entry = fromRecord(change.record, userId);
      if (entry && !removed.has(entry.clientId)) next = insertEntry(next, entry);
    } else {
      next = applyUpdate(next, change);
    }
  }
  return next;
}

function applyUpdate(state: OutboxState, change: Extract<OutboxChange, { kind: "update" }>): OutboxState {
  const index = state.findIndex((e) => e.clientId === change.clientId);
  const entry = state[index];
  if (entry === undefined) return state;
  let updated: OutboxEntry = entry;
  if (change.status === "failed") updated = { ...entry, status: "failed", error: change.error ?? "Not sent" };
  else if (entry.status === "failed") updated = { ...entry, status: "queued", error: null };
  if (updated === entry) return state;
  return state.map((e, i) => (i === index ? updated : e));
}

/** Adds what a page load restored, keeping whatever this tab already did since. */
export function mergeRestored(
  state: OutboxState,
  restored: readonly OutboxEntry[],
  removed: ReadonlySet<string>,
): OutboxState {
  let next = state;
  for (const entry of restored) if (!removed.has(entry.clientId)) next = insertEntry(next, entry);
  return next;
}

/** Changes received from another tab; anything malformed (another app version) is dropped. */
export function parseChanges(raw: unknown): OutboxChange[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter((c): c is OutboxChange => {
    if (typeof c !== "object" || c === null) return false;
    const change = c as Record<string, unknown>;
    if (change.kind === "add") return typeof change.record === "object" && change.record !== null;
    if (change.kind === "remove") return isString(change.clientId);
    return (
      change.kind === "update" &&
      isString(change.clientId) &&
      (change.status === "queued" || change.status === "failed") &&
      (change.error === null || isString(change.error))
    );
  });
}
