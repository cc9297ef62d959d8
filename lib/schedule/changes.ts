import { db } from "../db/client";
import type { FieldChanges } from "../program/load-program";

/**
 * What imports did to sessions, as kept by each applied import (SessionChange rows):
 * newest first, for a session's page, the conference's /changes and its JSON.
 */

export type SessionChangeKind = "added" | "changed" | "cancelled" | "restored";

export type SessionChangeEntry = {
  id: number;
  kind: SessionChangeKind;
  fields: FieldChanges;
  createdAt: Date;
  session: { slug: string; title: string; status: string };
};

const entrySelect = {
  id: true, kind: true, fields: true, createdAt: true,
  session: { select: { slug: true, title: true, status: true } },
} as const;

function toEntry(row: { id: number; kind: string; fields: string; createdAt: Date; session: SessionChangeEntry["session"] }): SessionChangeEntry {
  let fields: FieldChanges = {};
  try {
    const parsed: unknown = JSON.parse(row.fields);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) fields = parsed as FieldChanges;
  } catch {
    // A row written by hand that is not JSON shows as a change without details.
  }
  return { id: row.id, kind: row.kind as SessionChangeKind, fields, createdAt: row.createdAt, session: row.session };
}

/** A session's changes, newest first. */
export async function listChangesForSession(sessionId: number, limit = 20): Promise<SessionChangeEntry[]> {
  const rows = await db.sessionChange.findMany({
    where: { sessionId },
    select: entrySelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
  });
  return rows.map(toEntry);
}

export const maxChangesListed = 500;

/** A conference's changes, newest first; with `since`, only those recorded after that instant. */
export async function listConferenceChanges(conferenceId: number, options: { since?: Date; limit?: number } = {}): Promise<SessionChangeEntry[]> {
  const rows = await db.sessionChange.findMany({
    where: { conferenceId, ...(options.since ? { createdAt: { gt: options.since } } : {}) },
    select: entrySelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(options.limit ?? maxChangesListed, maxChangesListed),
  });
  return rows.map(toEntry);
}
