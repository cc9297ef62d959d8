import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import type { Db } from "../db/client";
import { ProgramFormatError } from "../interop/errors";
import { importProgram } from "../interop/import-program";
import { parseProgramOffThread, ParserBusyError } from "../interop/parse-off-thread";
import { fetchSource, SourceError, type SourceLimits } from "../interop/read-source";

/**
 * Following a conference's published schedule URL
 * (docs/decisions/0015-following-a-schedule-url.md): each due source is fetched
 * by whichever process wins its lease in the database, conditionally, and what
 * changed is imported as one change set. A failure changes nothing in the
 * program and is recorded on the source, for /manage to show.
 */

/** Limits for a followed URL: tighter than the CLI's, since nobody is waiting to press Ctrl-C. */
export const followLimits = { timeoutMs: 15_000, maxBytes: 20 * 1024 * 1024, maxRedirects: 3 } as const satisfies SourceLimits;

/** Longer than a fetch (its timeout) and an import can take, so a live lease is never taken over. */
export const defaultLeaseMs = 5 * 60_000;

export type FollowStatus = "unchanged" | "applied" | "failed";

export type FollowOutcome = {
  conference: string;
  url: string;
  status: FollowStatus;
  /** Why it failed, for a person: "HTTP 500 Internal Server Error", "line 3: …". */
  error?: string;
  counts?: { added: number; changed: number; cancelled: number; restored: number };
};

export type FollowOptions = {
  /** Who holds the lease: one name per process (followerName()). */
  owner: string;
  now?: () => Date;
  limits?: SourceLimits;
  leaseMs?: number;
};

/** A lease owner's name, unique to this process. */
export function followerName(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

/** Fetches every source that is due and not leased by another process; one at a time. */
export async function followDueSources(db: Db, options: FollowOptions): Promise<FollowOutcome[]> {
  const now = (options.now ?? (() => new Date()))();
  const due = await db.programSource.findMany({
    where: { OR: [{ nextCheckAt: null }, { nextCheckAt: { lte: now } }] },
    select: { conferenceId: true },
    orderBy: { nextCheckAt: "asc" },
    take: 50,
  });
  const outcomes: FollowOutcome[] = [];
  for (const { conferenceId } of due) {
    if (!(await claimSource(db, conferenceId, options.owner, now, options.leaseMs ?? defaultLeaseMs))) continue;
    outcomes.push(await followClaimedSource(db, conferenceId, options));
  }
  return outcomes;
}

/**
 * Takes the source's lease when it is due and nobody holds a live one. Prisma
 * sends this as one `UPDATE … WHERE`, which SQLite runs atomically, so of two
 * processes racing for a row exactly one sees a count of 1. Due-ness is part of
 * the condition: a process that listed the source before the winner finished
 * finds it no longer due and leaves it.
 */
export async function claimSource(db: Db, conferenceId: number, owner: string, now: Date, leaseMs = defaultLeaseMs): Promise<boolean> {
  const { count } = await db.programSource.updateMany({
    where: {
      conferenceId,
      AND: [
        { OR: [{ nextCheckAt: null }, { nextCheckAt: { lte: now } }] },
        { OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
      ],
    },
    data: { leaseOwner: owner, leaseUntil: new Date(now.getTime() + leaseMs) },
  });
  return count === 1;
}

async function followClaimedSource(db: Db, conferenceId: number, options: FollowOptions): Promise<FollowOutcome> {
  const source = await db.programSource.findUniqueOrThrow({
    where: { conferenceId },
    select: { url: true, intervalMinutes: true, etag: true, lastModified: true, conference: { select: { slug: true } } },
  });
  const conference = source.conference.slug;
  let outcome: FollowOutcome;
  let validators: { etag: string | null; lastModified: string | null } | undefined;
  try {
    const fetched = await fetchSource(source.url, source, { ...followLimits, ...options.limits });
    if (fetched.kind === "unchanged") {
      outcome = { conference, url: source.url, status: "unchanged" };
    } else {
      // The followed URL feeds this conference, whatever acronym the file gives itself.
      // On the parser's worker thread: the server following the URL goes on serving meanwhile.
      const program = await parseProgramOffThread(fetched.text, { sourceName: source.url, conferenceSlug: conference });
      const { changeSet: changes } = await importProgram(db, program, { source: { kind: "follow", name: source.url } });
      const counts = {
        added: changes.added.length,
        changed: changes.changed.length,
        cancelled: changes.cancelled.length,
        restored: changes.restored.length,
      };
      const changedAnything = counts.added + counts.changed + counts.cancelled + counts.restored > 0;
      outcome = { conference, url: source.url, status: changedAnything ? "applied" : "unchanged", counts };
      // Only a file that was imported may be answered with 304 next time.
      validators = { etag: fetched.etag, lastModified: fetched.lastModified };
    }
  } catch (error) {
    outcome = { conference, url: source.url, status: "failed", error: failureReason(error) };
    if (!(error instanceof SourceError || error instanceof ProgramFormatError || error instanceof ParserBusyError)) console.error(`Following ${source.url} failed:`, error);
  }
  const checkedAt = (options.now ?? (() => new Date()))();
  // Only the lease holder records; a source cleared or replaced meanwhile is left as the organiser set it.
  await db.programSource.updateMany({
    where: { conferenceId, leaseOwner: options.owner, url: source.url },
    data: {
      lastCheckedAt: checkedAt,
      lastStatus: outcome.status,
      lastError: outcome.error ?? null,
      nextCheckAt: new Date(checkedAt.getTime() + source.intervalMinutes * 60_000),
      leaseOwner: null,
      leaseUntil: null,
      ...validators,
    },
  });
  return outcome;
}

function failureReason(error: unknown): string {
  if (error instanceof SourceError) return error.message;
  if (error instanceof ProgramFormatError) return [error.where, error.reason].filter(Boolean).join(": ");
  if (error instanceof ParserBusyError) return error.message;
  return `the import failed: ${error instanceof Error ? error.message : String(error)}`;
}
