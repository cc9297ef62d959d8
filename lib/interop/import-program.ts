import type { Db } from "../db/client";
import { loadProgram } from "../program/load-program";
import type { Program } from "../program/program-schema";
import { uniqueSlug } from "./ids";

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

/**
 * Loads a parsed program (one transaction, see loadProgram) and reports it by
 * title rather than slug. A session already in the database keeps its slug, so
 * its page's URL survives a re-import even when the file's slugs move (slugs
 * made from titles shift when a namesake leaves; frab's change with the title).
 */
export async function importProgram(db: Db, parsed: Program): Promise<ImportReport> {
  // Read first: loading may give the slugs of sessions it cancels to newcomers.
  const before = await db.session.findMany({
    where: { conference: { slug: parsed.conference.slug } },
    select: { guid: true, slug: true, title: true },
  });
  const program = keepKnownSlugs(parsed, new Map(before.map((s) => [s.guid, s.slug])));
  const oldTitles = new Map(before.map((s) => [s.slug, s.title]));
  const newTitles = new Map(program.sessions.map((s) => [s.slug, s.title]));
  const summary = await loadProgram(db, program);
  return {
    conference: `${program.conference.name} (${program.conference.slug})`,
    added: summary.added.map((slug) => newTitles.get(slug) ?? slug),
    changed: summary.changed.map((slug) => newTitles.get(slug) ?? slug),
    cancelled: summary.cancelled.map((slug) => oldTitles.get(slug) ?? slug),
    unchanged: summary.unchanged,
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
