import { viewerHeader, type NoteVisibility } from "@/lib/notes/limits";
import { href } from "@/lib/routes";
import { replayOutcome, type ReplayOutcome } from "./outbox-entry";

export type NotePut = {
  conferenceSlug: string;
  sessionSlug: string;
  body: string;
  visibility: NoteVisibility;
  /** The version the text was written over (0: none). */
  baseVersion: number;
  /** Who wrote it: the server refuses (409) when someone else is signed in now. */
  viewer: string | null;
  timeoutMs: number;
};

export type NotePutAnswer = {
  /** "network" when no answer came (offline, or not within the timeout). */
  status: number | "network";
  outcome: ReplayOutcome;
  /** The server's own message, when it sent one. */
  error: string | undefined;
};

/** Saves a note over the version it was written on; the editor's save and the outbox's replay both send it so. */
export async function putNote({ conferenceSlug, sessionSlug, body, visibility, baseVersion, viewer, timeoutMs }: NotePut): Promise<NotePutAnswer> {
  let status: number | "network" = "network";
  let payload: unknown = null;
  try {
    const response = await fetch(href.api.note(conferenceSlug, sessionSlug), {
      method: "PUT",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "If-Match": `"${baseVersion}"`, ...(viewer ? { [viewerHeader]: viewer } : {}) },
      body: JSON.stringify({ body, visibility }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    status = response.status;
    payload = await response.json().catch(() => null);
  } catch {
    // Offline, or no answer in time: the caller keeps the text for later.
  }
  const error = (payload as { error?: unknown } | null)?.error;
  return { status, outcome: replayOutcome({ body, visibility }, status, payload), error: typeof error === "string" ? error : undefined };
}
