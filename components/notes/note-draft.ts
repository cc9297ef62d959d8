import type { NoteVisibility } from "@/lib/notes/limits";
import { outboxDatabaseName } from "./outbox-entry";

/**
 * What the person typed and the server has not yet acknowledged, kept in this
 * browser so a lost connection, a closed tab or a crash loses nothing.
 * `baseVersion` is the saved version it was written over (0: none); `userId`, the
 * person it was typed for, when known, so nobody else is shown it.
 */
export type NoteDraft = { body: string; visibility: NoteVisibility; baseVersion: number; savedAt: number; userId?: string };

/** Every draft's localStorage key starts so; a page holding one has unsaved text (components/offline/unsaved-text.ts). */
export const draftKeyPrefix = "hallway:note-draft:";
export const draftKey = (conferenceSlug: string, sessionSlug: string) => `${draftKeyPrefix}${conferenceSlug}/${sessionSlug}`;

/** The copy of their own text a person set aside when taking the saved version instead. */
export const copyKey = (conferenceSlug: string, sessionSlug: string) => `hallway:note-copy:${conferenceSlug}/${sessionSlug}`;

export function readDraft(key: string): NoteDraft | null {
  try {
    const value = JSON.parse(localStorage.getItem(key) ?? "null") as Partial<NoteDraft> | null;
    if (!value || typeof value.body !== "string") return null;
    return {
      body: value.body,
      visibility: value.visibility === "public" ? "public" : "private",
      baseVersion: Number(value.baseVersion) || 0,
      savedAt: Number(value.savedAt) || 0,
      ...(typeof value.userId === "string" ? { userId: value.userId } : {}),
    };
  } catch {
    return null;
  }
}

/** False when the browser refuses (private mode, storage full): the caller says the text is not kept. */
export function writeDraft(key: string, draft: Omit<NoteDraft, "savedAt">): boolean {
  try {
    localStorage.setItem(key, JSON.stringify({ ...draft, savedAt: Date.now() }));
    return true;
  } catch {
    return false;
  }
}

export function readText(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function writeText(key: string, text: string | null) {
  try {
    if (text === null) localStorage.removeItem(key);
    else localStorage.setItem(key, text);
  } catch {
    // Nothing more can be done; the text is still on screen.
  }
}

/**
 * Who was signed in when a note last loaded, so an editor opened offline finds that
 * person's queued saves (components/notes/note-outbox.ts). Cleared with the drafts.
 */
const viewerKey = "hallway:note-viewer";
export const readLastViewer = () => readText(viewerKey);
export const writeLastViewer = (userId: string) => writeText(viewerKey, userId);

/** On sign-out, so the next person on a shared device finds none of this one's unsaved text. */
export function clearAllDrafts() {
  try {
    for (const key of Object.keys(localStorage)) if (key.startsWith("hallway:note-")) localStorage.removeItem(key);
  } catch {
    // Storage unavailable: there is nothing kept to clear.
  }
  // The outbox too; open connections close when asked (note-outbox.ts), so this completes after the page moves on.
  try {
    indexedDB.deleteDatabase(outboxDatabaseName);
  } catch {
    // No IndexedDB: nothing was queued.
  }
}
