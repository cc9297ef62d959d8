import { db } from "../db/client";
import { sessionSummarySelect, toSummary } from "./sessions";

export async function listSpeakers(conferenceId: number) {
  const rows = await db.speaker.findMany({
    where: { conferenceId },
    select: { slug: true, name: true, affiliation: true, _count: { select: { sessions: true } } },
    orderBy: { name: "asc" },
  });
  return rows.map(({ _count, ...speaker }) => ({ ...speaker, sessionCount: _count.sessions }));
}

export async function getSpeaker(conferenceId: number, slug: string) {
  const row = await db.speaker.findUnique({
    where: { conferenceId_slug: { conferenceId, slug } },
    select: {
      slug: true, name: true, affiliation: true, bio: true,
      sessions: { select: { session: { select: sessionSummarySelect } } },
    },
  });
  if (!row) return null;
  const sessions = row.sessions.map((link) => toSummary(link.session)).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  return { ...row, sessions };
}
