import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import { draftKey, readDraft, writeDraft } from "./note-draft";
import {
  newEntry,
  outboxDatabaseName,
  outboxKey,
  outboxStoreName,
  outboxSyncTag,
  replayOrder,
  type OutboxEntry,
  type OutboxState,
} from "./outbox-entry";
import { putNote } from "./put-note";

/**
 * The notes outbox in IndexedDB: saves that could not reach the server, kept per
 * person and note until they do (docs/decisions/0022-notes-outbox.md). IndexedDB,
 * unlike the editor's localStorage draft, is read by every page, so a queued note
 * is sent when the connection returns whichever page is open.
 */

interface OutboxDb extends DBSchema {
  outbox: { key: string; value: OutboxEntry };
}

let database: Promise<IDBPDatabase<OutboxDb>> | null = null;

function db() {
  database ??= openDB<OutboxDb>(outboxDatabaseName, 1, {
    upgrade(upgrading) {
      upgrading.createObjectStore(outboxStoreName, { keyPath: "key" });
    },
    // Sign-out deletes the database: let it, and open a fresh one next time.
    blocking() {
      void database?.then((open) => open.close());
      database = null;
    },
    terminated() {
      database = null;
    },
  });
  return database;
}

/** Every change is announced, so an open editor or the notes list shows what is queued. */
const listeners = new Set<() => void>();
export function onOutboxChange(listener: () => void) {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}
const changed = () => listeners.forEach((listener) => listener());

export async function listOutbox(): Promise<OutboxEntry[]> {
  try {
    return await (await db()).getAll(outboxStoreName);
  } catch {
    return [];
  }
}

export async function getQueued(userId: string, conferenceSlug: string, sessionSlug: string): Promise<OutboxEntry | null> {
  try {
    return (await (await db()).get(outboxStoreName, outboxKey(userId, conferenceSlug, sessionSlug))) ?? null;
  } catch {
    return null;
  }
}

/** Queues a save, replacing any queued one for the same note. False when the browser refuses to store it. */
export async function queueSave(fields: Omit<OutboxEntry, "key" | "queuedAt" | "state" | "detail">): Promise<boolean> {
  try {
    await (await db()).put(outboxStoreName, newEntry(fields, Date.now()));
  } catch {
    return false;
  }
  changed();
  void registerSync();
  return true;
}

export async function removeQueued(userId: string, conferenceSlug: string, sessionSlug: string) {
  try {
    await (await db()).delete(outboxStoreName, outboxKey(userId, conferenceSlug, sessionSlug));
  } catch {
    return;
  }
  changed();
}

/** Removes the entry only if it is still the one replayed: a newer save of the same note stays queued. */
async function settle(entry: OutboxEntry, next: { state: OutboxState; detail?: string } | null) {
  const tx = (await db()).transaction(outboxStoreName, "readwrite");
  const stored = await tx.store.get(entry.key);
  if (stored && stored.queuedAt === entry.queuedAt) {
    if (next) await tx.store.put({ ...stored, ...next });
    else await tx.store.delete(entry.key);
  }
  await tx.done;
}

/** When someone else has signed in here: that person is never shown, nor sends, these. */
export async function dropEntriesOf(userId: string) {
  try {
    const tx = (await db()).transaction(outboxStoreName, "readwrite");
    for (const entry of await tx.store.getAll()) if (entry.userId === userId) await tx.store.delete(entry.key);
    await tx.done;
  } catch {
    return;
  }
  changed();
}

/** Where the browser has Background Sync, the service worker wakes the pages when the connection returns. */
async function registerSync() {
  try {
    const registration = await navigator.serviceWorker?.getRegistration();
    const sync = (registration as (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | undefined)?.sync;
    await sync?.register(outboxSyncTag);
  } catch {
    // No service worker or no permission: `online` and page loads still flush.
  }
}

/** An open editor takes over its own note's entry: it holds newer text, and shows the outcome. */
const claims = new Map<string, () => void>();
export function claimNote(userId: string, conferenceSlug: string, sessionSlug: string, onFlush: () => void) {
  const key = outboxKey(userId, conferenceSlug, sessionSlug);
  claims.set(key, onFlush);
  return () => {
    if (claims.get(key) === onFlush) claims.delete(key);
  };
}

let flushing: Promise<void> | null = null;

/** Sends every queued save, oldest first, one at a time; stops at the first network failure or 401. */
export function flushOutbox(): Promise<void> {
  flushing ??= replayAll().finally(() => {
    flushing = null;
  });
  return flushing;
}

async function replayAll() {
  const dropped = new Set<string>();
  for (const entry of replayOrder(await listOutbox())) {
    if (dropped.has(entry.userId)) continue;
    const claimant = claims.get(entry.key);
    if (claimant) {
      claimant();
      continue;
    }
    if (!navigator.onLine) return;
    const { outcome } = await putNote({ ...entry, viewer: entry.userId, timeoutMs: 20_000 });
    switch (outcome.kind) {
      case "sent":
      case "already":
        await settle(entry, null);
        carryDraftOver(entry, outcome.note.version);
        break;
      case "conflict":
        await settle(entry, { state: "conflict" });
        break;
      case "refused":
        await settle(entry, { state: "refused", detail: outcome.detail });
        break;
      case "other-user":
        // Never sent as someone else, and never shown to them: the person who queued them has left this browser.
        await dropEntriesOf(entry.userId);
        dropped.add(entry.userId);
        break;
      case "signed-out":
        await settle(entry, { state: "signed-out" });
        changed();
        return;
      case "retry":
        void registerSync();
        changed();
        return;
    }
    changed();
  }
}

/** A draft of the same text, over the same base, now sits on the version the replay made: no conflict with itself. */
function carryDraftOver(entry: OutboxEntry, version: number) {
  const key = draftKey(entry.conferenceSlug, entry.sessionSlug);
  const draft = readDraft(key);
  if (draft && draft.baseVersion === entry.baseVersion) writeDraft(key, { ...draft, baseVersion: version });
}
