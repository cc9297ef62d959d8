import type { NoteVisibility } from "@/lib/notes/limits";

/**
 * The notes outbox's rules, without the storage (docs/decisions/0022-notes-outbox.md):
 * what one queued save is, whose it is, and what an answer to its replay means.
 * No browser APIs here, so the rules are tested on their own.
 */

/** The IndexedDB database; sign-out deletes it whole (components/notes/note-draft.ts). */
export const outboxDatabaseName = "hallway-notes";
export const outboxStoreName = "outbox";
/** The tag a queued save registers with Background Sync; the service worker answers it with `flushOutboxMessage`. */
export { flushOutboxMessage, outboxSyncTag } from "@/lib/offline/offline-urls";

/**
 * Why an entry is still here: `waiting` to be sent; `signed-out` (its replay got 401:
 * sent after sign-in as the same person); `conflict` (412: someone saved a newer
 * version, the person chooses in the editor); `refused` (another 4xx: kept, never resent).
 */
export type OutboxState = "waiting" | "signed-out" | "conflict" | "refused";

export type OutboxEntry = {
  key: string;
  userId: string;
  conferenceSlug: string;
  sessionSlug: string;
  /** For the notes list, which shows what is queued without asking the server. */
  sessionTitle?: string;
  body: string;
  visibility: NoteVisibility;
  /** The version the text was written over (0: none), sent as If-Match. */
  baseVersion: number;
  queuedAt: number;
  state: OutboxState;
  detail?: string;
};

/** One entry per person and note: a later save of the same note replaces the queued one. */
export const outboxKey = (userId: string, conferenceSlug: string, sessionSlug: string) => `${userId}\n${conferenceSlug}/${sessionSlug}`;

export function newEntry(fields: Omit<OutboxEntry, "key" | "queuedAt" | "state" | "detail">, now: number): OutboxEntry {
  return { ...fields, key: outboxKey(fields.userId, fields.conferenceSlug, fields.sessionSlug), queuedAt: now, state: "waiting" };
}

/** Replayed oldest first; entries that wait for a person (a conflict, a refusal) are not resent. */
export function replayOrder(entries: OutboxEntry[], userId?: string): OutboxEntry[] {
  return entries
    .filter((e) => (e.state === "waiting" || e.state === "signed-out") && (userId === undefined || e.userId === userId))
    .sort((a, b) => a.queuedAt - b.queuedAt);
}

export type SavedNoteJson = { body: string; visibility: NoteVisibility; version: number };

/**
 * What the answer to a replayed save means. `sent`: done, drop the entry. `already`:
 * a 412 whose stored note is this very text (another tab sent it first), also done.
 * `retry`: the network or the server failed, try later. `stop-signed-out`: keep all,
 * wait for sign-in. `other-user`: someone else is signed in here.
 */
export type ReplayOutcome =
  | { kind: "sent"; note: SavedNoteJson }
  | { kind: "already"; note: SavedNoteJson }
  | { kind: "conflict"; current: SavedNoteJson | null }
  | { kind: "signed-out" }
  | { kind: "other-user" }
  | { kind: "retry" }
  | { kind: "refused"; detail: string };

export function replayOutcome(entry: Pick<OutboxEntry, "body" | "visibility">, status: number | "network", payload: unknown): ReplayOutcome {
  if (status === "network" || status >= 500 || status === 408 || status === 429) return { kind: "retry" };
  const json = (payload ?? {}) as { error?: unknown; current?: SavedNoteJson | null } & Partial<SavedNoteJson>;
  if (status >= 200 && status < 300 && typeof json.version === "number") {
    return { kind: "sent", note: { body: String(json.body), visibility: json.visibility === "public" ? "public" : "private", version: json.version } };
  }
  if (status === 412) {
    const current = json.current ?? null;
    if (current && current.body === entry.body && current.visibility === entry.visibility) return { kind: "already", note: current };
    return { kind: "conflict", current };
  }
  if (status === 401) return { kind: "signed-out" };
  if (status === 409) return { kind: "other-user" };
  return { kind: "refused", detail: typeof json.error === "string" ? json.error : `The server answered ${status}` };
}

/** The separator "merge by hand" puts between the two texts, so each can be found and cut. */
export const mergeSeparator = "\n\n---- The version saved elsewhere ----\n\n";

/** "Merge by hand" starts from both texts, the person's own first. */
export function mergedText(mine: string, theirs: string): string {
  if (!theirs.trim()) return mine;
  if (!mine.trim()) return theirs;
  return `${mine.trimEnd()}${mergeSeparator}${theirs.trimStart()}`;
}

/** Of a localStorage draft and a queued entry for the same note, the one written last: both hold the person's text. */
export function newestKept<T extends { body: string; visibility: NoteVisibility; baseVersion: number }>(
  draft: (T & { savedAt: number }) | null,
  entry: OutboxEntry | null,
): { body: string; visibility: NoteVisibility; baseVersion: number } | null {
  if (!entry) return draft;
  if (!draft || entry.queuedAt >= draft.savedAt) return { body: entry.body, visibility: entry.visibility, baseVersion: entry.baseVersion };
  return draft;
}
