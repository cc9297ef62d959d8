import "server-only";
import { db } from "../db/client";
import type { FieldChanges } from "../program/load-program";
import type { SessionChangeKind } from "../schedule/changes";
import { unseenMoves, type RecordedChange } from "./moves";

/**
 * My starred sessions with moves I have not seen, and marking them seen. The viewer's
 * id is in every `where`: nobody reads or clears another person's flags.
 */

export type MovedStar = { sessionId: number; slug: string; title: string; moves: RecordedChange[] };

function parseFields(text: string): FieldChanges {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as FieldChanges) : {};
  } catch {
    return {};
  }
}

export async function listMovedStars(userId: string, conferenceId: number): Promise<MovedStar[]> {
  const stars = await db.star.findMany({
    where: { userId, session: { conferenceId, changes: { some: { kind: { in: ["changed", "cancelled", "restored"] } } } } },
    select: {
      createdAt: true,
      seenChangesAt: true,
      session: {
        select: {
          id: true, slug: true, title: true, startsAt: true,
          changes: { where: { kind: { in: ["changed", "cancelled", "restored"] } }, select: { id: true, kind: true, fields: true, createdAt: true } },
        },
      },
    },
  });
  return stars
    .map((star) => ({
      sessionId: star.session.id,
      slug: star.session.slug,
      title: star.session.title,
      startsAt: star.session.startsAt,
      moves: unseenMoves(star, star.session.changes.map((row) => ({ ...row, kind: row.kind as SessionChangeKind, fields: parseFields(row.fields) }))),
    }))
    .filter((star) => star.moves.length > 0)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
    .map(({ startsAt: _startsAt, ...star }) => star);
}

/** When the newest of these moves was recorded: what a "Mark as seen" shown with them marks seen up to. */
export function newestMoveAt(moved: MovedStar[]): Date | null {
  let newest: Date | null = null;
  for (const star of moved) for (const move of star.moves) if (!newest || move.createdAt > newest) newest = move.createdAt;
  return newest;
}

/**
 * Marks the changes to my starred sessions at this conference seen, up to `upTo`:
 * the newest change the person was shown, so a move recorded between showing and
 * marking stays flagged. Never later than now; without `upTo`, up to now.
 */
export async function markMovesSeen(userId: string, conferenceId: number, upTo?: Date | null, now = new Date()): Promise<number> {
  const at = upTo && upTo < now ? upTo : now;
  const { count } = await db.star.updateMany({ where: { userId, session: { conferenceId } }, data: { seenChangesAt: at } });
  return count;
}
