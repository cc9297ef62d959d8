import "server-only";
import type { Viewer } from "../auth/viewer";
import { db } from "../db/client";
import { ProgramFormatError } from "../interop/errors";
import { countPeopleTouched, importProgram } from "../interop/import-program";
import { parseProgramOffThread, ParserBusyError } from "../interop/parse-off-thread";
import { fetchSource, SourceError } from "../interop/read-source";
import type { Program } from "../program/program-schema";
import { formatShortDate, formatTime, localDate } from "../time";
import { maxProgramBytes } from "../validation/manage";
import { assertOrganiser } from "./organiser";
import { dropPendingImport, readPendingImport, savePendingImport } from "./pending-imports";

/**
 * /manage's two steps: a preview (a dry run of the import, described for a
 * person) and then "Apply" of exactly the previewed file.
 */

export type FieldChange = { field: string; label: string; from: string; to: string };

export type PreviewSession = {
  slug: string;
  title: string;
  /** "Tue 17 Oct 14:00, Auditorium 15" where the program says. */
  when?: string;
  changes?: FieldChange[];
  /** How many people have a note or a star on it. */
  peopleTouched: number;
};

export type ProgramPreview = {
  pendingId: string;
  sourceName: string;
  conference: { slug: string; name: string; isNew: boolean };
  /** The whole change set's size; each list below holds at most `previewLimit` sessions. */
  counts: ImportCounts;
  added: PreviewSession[];
  changed: PreviewSession[];
  cancelled: PreviewSession[];
  restored: PreviewSession[];
};

export type ImportCounts = { added: number; changed: number; cancelled: number; restored: number };

/** Sessions listed per kind of change: a first import of ten thousand is summed up, not sent to the browser whole. */
export const previewLimit = 200;

export type PreviewResult = { ok: true; preview: ProgramPreview } | { ok: false; error: string };
export type ApplyResult = { ok: true; conference: string; counts: ImportCounts } | { ok: false; error: string };

/** A program from an uploaded file's text: previewed, and kept for "Apply". */
export async function previewUploadedProgram(viewer: Viewer, upload: { text: string; sourceName: string; conferenceSlug?: string }): Promise<PreviewResult> {
  await assertOrganiser(viewer);
  return preview(viewer, upload);
}

/** A program fetched from a URL (one fetcher, with the follower's limits): previewed, and kept for "Apply". */
export async function previewProgramUrl(viewer: Viewer, url: string, conferenceSlug?: string): Promise<PreviewResult> {
  await assertOrganiser(viewer);
  let text: string;
  try {
    const fetched = await fetchSource(url, {}, { timeoutMs: 15_000, maxBytes: maxProgramBytes, maxRedirects: 3 });
    if (fetched.kind === "unchanged") return { ok: false, error: `${url}: answered 304 Not Modified to a plain request` };
    text = fetched.text;
  } catch (error) {
    if (error instanceof SourceError) return { ok: false, error: `${url}: ${error.message}` };
    throw error;
  }
  return preview(viewer, { text, sourceName: url, conferenceSlug });
}

/** Applies a previewed program, as one import by this organiser. The preview is then spent. */
export async function applyPreviewedProgram(viewer: Viewer, pendingId: string): Promise<ApplyResult> {
  await assertOrganiser(viewer);
  const pending = await readPendingImport(viewer.id, pendingId);
  if (!pending) return { ok: false, error: "This preview has expired or was already applied; preview the file again." };
  const program = await parse(pending.text, pending.sourceName, pending.conferenceSlug);
  if (!program.ok) return program;
  const { changeSet: changes } = await importProgram(db, program.program, { source: { kind: "http", name: pending.sourceName }, userId: viewer.id });
  await dropPendingImport(pendingId);
  return {
    ok: true,
    conference: program.program.conference.slug,
    counts: { added: changes.added.length, changed: changes.changed.length, cancelled: changes.cancelled.length, restored: changes.restored.length },
  };
}

async function preview(viewer: Viewer, upload: { text: string; sourceName: string; conferenceSlug?: string }): Promise<PreviewResult> {
  const parsed = await parse(upload.text, upload.sourceName, upload.conferenceSlug);
  if (!parsed.ok) return parsed;
  const { program } = parsed;
  const { changeSet: changes } = await importProgram(db, program, { dryRun: true, source: { kind: "http", name: upload.sourceName }, userId: viewer.id });
  const existing = await db.conference.findUnique({ where: { slug: program.conference.slug }, select: { id: true, name: true, timeZone: true } });
  const timeZone = program.conference.timeZone;

  const known = existing
    ? await db.session.findMany({
        where: { conferenceId: existing.id, slug: { in: [...changes.cancelled, ...changes.restored, ...changes.changed.map((c) => c.slug)] } },
        select: { slug: true, title: true },
      })
    : [];
  const titles = new Map([...known.map((s) => [s.slug, s.title] as const), ...program.sessions.map((s) => [s.slug, s.title] as const)]);
  const touched = existing
    ? await countPeopleTouched(db, existing.id, [...changes.changed.slice(0, previewLimit).map((c) => c.slug), ...changes.cancelled.slice(0, previewLimit), ...changes.restored.slice(0, previewLimit)])
    : {};
  const rooms = new Map(program.rooms.map((r) => [r.slug, r.name]));
  const inProgram = new Map(program.sessions.map((s) => [s.slug, s]));
  const session = (slug: string, extra: Partial<PreviewSession> = {}): PreviewSession => {
    const s = inProgram.get(slug);
    const when = s ? [`${formatShortDate(s.day)} ${s.start.slice(11, 16)}`, s.room ? rooms.get(s.room) ?? s.room : null].filter(Boolean).join(", ") : undefined;
    return { slug, title: titles.get(slug) ?? slug, when, peopleTouched: peopleFor(touched, slug), ...extra };
  };

  const pendingId = await savePendingImport({ userId: viewer.id, sourceName: upload.sourceName, conferenceSlug: upload.conferenceSlug, text: upload.text });
  return {
    ok: true,
    preview: {
      pendingId,
      sourceName: upload.sourceName,
      conference: { slug: program.conference.slug, name: program.conference.name, isNew: !existing },
      counts: { added: changes.added.length, changed: changes.changed.length, cancelled: changes.cancelled.length, restored: changes.restored.length },
      added: changes.added.slice(0, previewLimit).map((slug) => session(slug)),
      changed: changes.changed.slice(0, previewLimit).map((c) => session(c.slug, { changes: describeFields(c.fields, timeZone) })),
      cancelled: changes.cancelled.slice(0, previewLimit).map((slug) => session(slug)),
      restored: changes.restored.slice(0, previewLimit).map((slug) => session(slug)),
    },
  };
}

/** On the parser's worker thread, so a big file does not hold the server's other requests. */
async function parse(text: string, sourceName: string, conferenceSlug?: string): Promise<{ ok: true; program: Program } | { ok: false; error: string }> {
  try {
    return { ok: true, program: await parseProgramOffThread(text, { sourceName, conferenceSlug: conferenceSlug || undefined }) };
  } catch (error) {
    if (error instanceof ProgramFormatError || error instanceof ParserBusyError) return { ok: false, error: error.message };
    throw error;
  }
}

function peopleFor(touched: Record<string, number>, slug: string): number {
  return touched[slug] ?? 0;
}

const fieldLabels: Record<string, string> = {
  startsAt: "Starts",
  endsAt: "Ends",
  room: "Room",
  title: "Title",
  speakers: "Speakers",
  track: "Track",
};

/** `{"startsAt": [old, new], …}` as a person reads it, times in the conference's zone. */
export function describeFields(fields: Record<string, unknown>, timeZone: string): FieldChange[] {
  return Object.entries(fields).map(([field, pair]) => {
    const [from, to] = Array.isArray(pair) ? pair : [undefined, pair];
    return { field, label: fieldLabels[field] ?? field, from: describeValue(from, timeZone), to: describeValue(to, timeZone) };
  });
}

function describeValue(value: unknown, timeZone: string): string {
  if (value === null || value === undefined || value === "") return "none";
  if (Array.isArray(value)) return value.length ? value.map((v) => describeValue(v, timeZone)).join(", ") : "none";
  if (value instanceof Date || (typeof value === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value))) {
    const instant = new Date(value);
    if (!Number.isNaN(instant.getTime())) return `${formatShortDate(localDate(instant, timeZone))} ${formatTime(instant, timeZone)}`;
  }
  if (typeof value === "object") {
    const named = value as { name?: unknown; title?: unknown; slug?: unknown };
    return String(named.name ?? named.title ?? named.slug ?? JSON.stringify(value));
  }
  return String(value);
}
