import type { Db } from "../db/client";
import { applyProgram, type ChangeSet, type ImportSource } from "../program/load-program";
import type { Program } from "../program/program-schema";
import { uniqueSlug } from "./ids";

export type { ChangeSet, ImportSource } from "../program/load-program";

/** What an import did, by session title. */
export type ImportReport = {
  /** "DockerCon EU 2017 (dockercon-eu-2017)" */
  conference: string;
  added: string[];
  changed: string[];
  /** Sessions no longer in the program: kept, with their notes, and marked cancelled. */
  cancelled: string[];
  unchanged: number;
};

export type ImportOptions = {
  /** Compute the change set and apply nothing. */
  dryRun?: boolean;
  /** Where the program came from, kept with the change set. */
  source?: ImportSource;
  /** The organiser who imported it, if any. */
  userId?: string | null;
};

export type ImportResult = {
  /** `id` is null in a dry run that would create the conference. */
  conference: { id: number | null; slug: string; name: string };
  changeSet: ChangeSet;
  /** The same by title, for people (the CLI's lines). */
  report: ImportReport;
  /** True when something was written (never in a dry run). */
  applied: boolean;
  /** The conference's program revision after the import. */
  revision: number;
  /** The ProgramImport row keeping the change set, when one was written. */
  importId: number | null;
};

/**
 * Imports a parsed program (one transaction, see applyProgram): the one entry
 * point the CLI, the HTTP upload and the followed URL all take. A session
 * already in the database keeps its slug, so its page's URL survives a re-import
 * even when the file's slugs move (slugs made from titles shift when a namesake
 * leaves; frab's change with the title). An applied import that changed sessions
 * is recorded with its source, so session pages and /changes can show it.
 */
export async function importProgram(db: Db, parsed: Program, options: ImportOptions = {}): Promise<ImportResult> {
  // Read first: loading may give the slugs of sessions it cancels to newcomers.
  const before = await db.session.findMany({
    where: { conference: { slug: parsed.conference.slug } },
    select: { guid: true, slug: true, title: true },
  });
  const program = keepKnownSlugs(parsed, new Map(before.map((s) => [s.guid, s.slug])));
  const oldTitles = new Map(before.map((s) => [s.slug, s.title]));
  const newTitles = new Map(program.sessions.map((s) => [s.slug, s.title]));
  const loaded = await applyProgram(db, program, {
    dryRun: options.dryRun,
    record: { source: options.source ?? { kind: "cli", name: "" }, userId: options.userId ?? null },
  });
  const { summary } = loaded;
  return {
    conference: { id: options.dryRun && loaded.created ? null : loaded.conferenceId, slug: program.conference.slug, name: program.conference.name },
    changeSet: loaded.changeSet,
    report: {
      conference: `${program.conference.name} (${program.conference.slug})`,
      added: summary.added.map((slug) => newTitles.get(slug) ?? slug),
      changed: summary.changed.map((slug) => newTitles.get(slug) ?? slug),
      cancelled: summary.cancelled.map((slug) => oldTitles.get(slug) ?? slug),
      unchanged: summary.unchanged,
    },
    applied: !options.dryRun && loaded.changedAnything,
    revision: loaded.revision,
    importId: loaded.importId,
  };
}

function keepKnownSlugs(program: Program, known: Map<string, string>): Program {
  // A slug the loader gave a cancelled session to free its own is not worth keeping.
  const kept = program.sessions.map((s) => {
    const slug = known.get(s.guid);
    return slug && !/-cancelled-\d+$/.test(slug) ? slug : null;
  });
  const taken = new Set(kept.filter((slug): slug is string => slug !== null));
  const sessions = program.sessions.map((s, i) => ({ ...s, slug: kept[i] ?? uniqueSlug(s.slug, taken) }));
  return { ...program, sessions };
}

/**
 * How many distinct people have a note or a star on each of these sessions (by slug), for the
 * preview of a change set: "moving this touches 14 people's agendas". Slugs not found count 0.
 */
export async function countPeopleTouched(db: Db, conferenceId: number, slugs: string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = Object.fromEntries(slugs.map((slug) => [slug, 0]));
  // One chunk at a time: SQLite binds at most 999 parameters to one statement.
  for (let i = 0; i < slugs.length; i += 500) {
    const sessions = await db.session.findMany({
      where: { conferenceId, slug: { in: slugs.slice(i, i + 500) } },
      select: { slug: true, notes: { select: { userId: true } }, stars: { select: { userId: true } } },
    });
    for (const s of sessions) counts[s.slug] = new Set([...s.notes, ...s.stars].map((row) => row.userId)).size;
  }
  return counts;
}

/**
 * "DockerCon EU 2017 (dockercon-eu-2017): 1 added, 0 changed, 1 cancelled (kept with their notes), 9 unchanged"
 * and then the titles of each kind, the first `limit` of each.
 */
export function formatImportReport(report: ImportReport, limit = 20): string {
  const lines = [
    `${report.conference}: ${report.added.length} added, ${report.changed.length} changed, ` +
      `${report.cancelled.length} cancelled (kept with their notes), ${report.unchanged} unchanged`,
  ];
  for (const [heading, titles] of [["Added", report.added], ["Changed", report.changed], ["Cancelled", report.cancelled]] as const) {
    if (titles.length === 0) continue;
    lines.push(`${heading}:`, ...titles.slice(0, limit).map((title) => `  - ${title}`));
    if (titles.length > limit) lines.push(`  … and ${titles.length - limit} more`);
  }
  return lines.join("\n");
}
