import type { OutboxChange } from "./outbox-records";
import type { OutboxBackend } from "./outbox-store";

/**
 * The outbox's browser storage: IndexedDB (raw API, one small store) so unsent messages
 * survive a reload, and a BroadcastChannel so the user's other tabs show the same pending
 * and failed messages. Deliberately thin: the rules live in outbox-records.ts (unit-tested);
 * this file is exercised by the browser specs (e2e/src/delivery.e2e.test.ts).
 */
const DB_NAME = "parley-outbox";
const DB_VERSION = 1;
const STORE = "entries";
const BY_USER = "userId";

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

let opening: Promise<IDBDatabase | null> | null = null;

/** One connection per page; null when the browser has no usable IndexedDB (memory only). */
function database(): Promise<IDBDatabase | null> {
  if (typeof indexedDB === "undefined") return Promise.resolve(null);
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(DB_NAME, DB_VERSION);
    open.onupgradeneeded = () => {
      // Keyed by clientId (unique per send); the index keeps each account's entries apart.
      open.result.createObjectStore(STORE, { keyPath: "clientId" }).createIndex(BY_USER, "userId");
    };
    open.onsuccess = () => {
      const db = open.result;
      // A tab with a newer app version wants to upgrade the schema: step aside, and reopen
      // on the next use instead of writing to a closed connection.
      db.onversionchange = () => {
        db.close();
        opening = null;
      };
      resolve(db);
    };
    open.onerror = () => reject(open.error);
  }).catch((error: unknown) => {
    console.warn("parley: IndexedDB is unavailable; unsent messages will not survive a reload", error);
    return null;
  });
  return opening;
}

/** Applies the changes in one transaction; an update never recreates a removed record. */
function store(db: IDBDatabase, changes: readonly OutboxChange[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, "readwrite");
    const entries = tx.objectStore(STORE);
    for (const change of changes) {
      if (change.kind === "add") entries.put(change.record);
      else if (change.kind === "remove") entries.delete(change.clientId);
      else {
        // Read and write in the same transaction: if another tab removed the record (it was
        // stored by the server), this status change must not bring it back.
        const read = entries.get(change.clientId);
        read.onsuccess = () => {
          if (read.result) entries.put({ ...read.result, status: change.status, error: change.error });
        };
      }
    }
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error);
  });
}

/** The outbox backend for one signed-in user in this browser. */
export function browserOutboxBackend(userId: string): OutboxBackend {
  let channel: BroadcastChannel | null = null;
  const tell = (changes: OutboxChange[]) => channel?.postMessage(changes);
  return {
    async load() {
      const db = await database();
      if (db === null) return [];
      const byUser = db.transaction(STORE, "readonly").objectStore(STORE).index(BY_USER);
      return done(byUser.getAll(IDBKeyRange.only(userId)));
    },
    write(changes) {
      // Other tabs hear of a change only once it is stored, so a tab that (re)loads from
      // storage after the message never misses it. Stored or not, they are told: their
      // screens must match this one's.
      void database()
        .then((db) => (db ? store(db, changes) : undefined))
        .catch((error: unknown) => console.warn("parley: could not store the outbox", error))
        .then(() => tell(changes));
    },
    subscribe(listener) {
      if (typeof BroadcastChannel === "undefined") return () => undefined;
      // Per user: another account's tabs in this browser never see these messages.
      const own = new BroadcastChannel(`parley-outbox-${userId}`);
      own.onmessage = (event: MessageEvent<unknown>) => listener(event.data);
      channel = own;
      return () => {
        own.close();
        if (channel === own) channel = null;
      };
    },
  };
}

/**
 * Deletes a user's unsent messages from this browser. On sign-out: on a shared computer, the
 * next person must not find (or, signed in as themselves, never send) someone else's text.
 */
export async function clearStoredOutbox(userId: string): Promise<void> {
  const db = await database();
  if (db === null) return;
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(STORE, "readwrite");
    const entries = tx.objectStore(STORE);
    const cursor = entries.index(BY_USER).openKeyCursor(IDBKeyRange.only(userId));
    cursor.onsuccess = () => {
      if (!cursor.result) return;
      entries.delete(cursor.result.primaryKey);
      cursor.result.continue();
    };
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error);
  });
}
