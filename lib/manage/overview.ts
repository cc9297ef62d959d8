import "server-only";
import type { Viewer } from "../auth/viewer";
import { db } from "../db/client";
import { assertOrganiser } from "./organiser";

export type ManagedConference = Awaited<ReturnType<typeof listManagedConferences>>[number];

/** Every conference, with its last import and the URL it follows (and how the last check went). Organisers only. */
export async function listManagedConferences(viewer: Viewer) {
  await assertOrganiser(viewer);
  const conferences = await db.conference.findMany({
    select: {
      slug: true,
      name: true,
      timeZone: true,
      startDate: true,
      endDate: true,
      _count: { select: { sessions: true } },
      imports: {
        select: { createdAt: true, sourceKind: true, sourceName: true, added: true, changed: true, cancelled: true, restored: true, user: { select: { name: true } } },
        orderBy: { id: "desc" },
        take: 1,
      },
      programSource: {
        select: { url: true, intervalMinutes: true, lastCheckedAt: true, lastStatus: true, lastError: true, nextCheckAt: true },
      },
    },
    orderBy: [{ startDate: "desc" }, { name: "asc" }],
  });
  return conferences.map(({ _count, imports, programSource, ...conference }) => ({
    ...conference,
    sessionCount: _count.sessions,
    lastImport: imports[0] ? { ...imports[0], by: imports[0].user?.name ?? null } : null,
    source: programSource,
  }));
}
