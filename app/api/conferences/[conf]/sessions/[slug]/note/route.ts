import { revalidatePath } from "next/cache";
import { getViewerFromRequest } from "@/lib/auth/viewer";
import { isCrossOriginWrite, jsonError, parseIfMatchVersion, personalJson, privateNoStore, versionETag } from "@/lib/http";
import { changesPublicView, deleteNote, getMyNote, saveNote, type MyNote } from "@/lib/notes/notes";
import { findSession } from "@/lib/schedule/sessions";
import { firstNoteIssue, noteInputSchema } from "@/lib/validation/note";
import { noteConflictMessage, viewerHeader } from "@/lib/notes/limits";
import { href } from "@/lib/routes";

/**
 * My note on one session: cookie-authenticated, versioned by ETag, never cached.
 * Answers name the viewer (`Hallway-Viewer`), and a save that names one is refused
 * when someone else is signed in: the browser's outbox keys queued saves by person
 * and never sends one person's note as another (docs/decisions/0022-notes-outbox.md).
 */

type Context = { params: Promise<{ conf: string; slug: string }> };

/** A note's JSON and UTF-8 can be far longer than its 50,000 characters, but not this long. */
const maxRequestBytes = 1_000_000;
const badIfMatch = 'If-Match must be the ETag of the note you edited, like "3" ("0" when you have none)';

function noteJson(note: MyNote) {
  return { body: note.body, visibility: note.visibility, version: note.version, updatedAt: note.updatedAt.toISOString() };
}

function noteResponse(note: MyNote, viewerId: string) {
  return personalJson(noteJson(note), { headers: { ETag: versionETag(note.version), [viewerHeader]: viewerId } });
}

function conflictResponse(current: MyNote | null) {
  return personalJson({ error: noteConflictMessage, current: current && noteJson(current) }, { status: 412 });
}

function errorResponse(status: 400 | 401 | 403 | 404 | 409 | 413, error: string, viewerId?: string) {
  return jsonError(status, error, viewerId ? { ...privateNoStore, [viewerHeader]: viewerId } : privateNoStore);
}

/** The session and who is asking, or the response that says why not. */
async function resolve(request: Request, context: Context) {
  const { conf, slug } = await context.params;
  const session = await findSession(conf, slug, { id: true });
  if (!session) return { ok: false, response: errorResponse(404, `No session "${slug}" at conference "${conf}"`) } as const;
  const viewer = await getViewerFromRequest(request);
  if (!viewer) return { ok: false, response: errorResponse(401, "Sign in to keep notes") } as const;
  // The slugs matched the stored ones exactly, so they also name the session's public page.
  return { ok: true, sessionId: session.id, sessionPage: href.session(conf, slug), viewer } as const;
}

export async function GET(request: Request, context: Context) {
  const resolved = await resolve(request, context);
  if (!resolved.ok) return resolved.response;
  const note = await getMyNote(resolved.viewer.id, resolved.sessionId);
  if (!note) return errorResponse(404, "You have no note on this session yet", resolved.viewer.id);
  return noteResponse(note, resolved.viewer.id);
}

export async function PUT(request: Request, context: Context) {
  if (isCrossOriginWrite(request)) return errorResponse(403, "Notes can only be changed from this site");
  const resolved = await resolve(request, context);
  if (!resolved.ok) return resolved.response;
  const { sessionId, sessionPage, viewer } = resolved;
  const writer = request.headers.get(viewerHeader);
  if (writer !== null && writer !== viewer.id) return errorResponse(409, "This note was written by someone else than the person signed in now");

  const baseVersion = parseIfMatchVersion(request.headers.get("if-match"));
  if (baseVersion === undefined) return errorResponse(400, badIfMatch);
  if (Number(request.headers.get("content-length") ?? 0) > maxRequestBytes) return errorResponse(413, "The request is too large");
  let json: unknown;
  try {
    json = JSON.parse(await request.text());
  } catch {
    return errorResponse(400, 'Send the note as JSON: {"body": "…", "visibility": "private"}');
  }
  const parsed = noteInputSchema.safeParse(json);
  if (!parsed.success) return errorResponse(400, firstNoteIssue(parsed.error));

  const result = await saveNote(viewer.id, sessionId, { ...parsed.data, baseVersion });
  if (!result.ok) return conflictResponse(result.current);
  if (changesPublicView(result.previousVisibility, result.note.visibility)) revalidatePath(sessionPage);
  return noteResponse(result.note, viewer.id);
}

export async function DELETE(request: Request, context: Context) {
  if (isCrossOriginWrite(request)) return errorResponse(403, "Notes can only be changed from this site");
  const resolved = await resolve(request, context);
  if (!resolved.ok) return resolved.response;
  const { sessionId, sessionPage, viewer } = resolved;

  const ifMatch = request.headers.get("if-match")?.trim() || null;
  const baseVersion = parseIfMatchVersion(ifMatch);
  if (baseVersion === undefined) return errorResponse(400, badIfMatch);

  // Without If-Match the note goes whatever its version; with "0" only if there is none, which is a conflict.
  const result = await deleteNote(viewer.id, sessionId, ifMatch === null ? undefined : (baseVersion ?? 0));
  if (!result.ok) {
    return result.reason === "conflict" ? conflictResponse(result.current) : errorResponse(404, "You have no note on this session");
  }
  if (changesPublicView(result.deleted.visibility, null)) revalidatePath(sessionPage);
  return new Response(null, { status: 204, headers: privateNoStore });
}
