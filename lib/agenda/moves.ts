import type { ChangedValue, FieldChanges } from "../program/load-program";
import type { SessionChangeKind } from "../schedule/changes";

/**
 * "Your talk moved": which of my starred sessions changed time, room or status
 * since I starred them or last marked their changes seen. Pure, so the rules are
 * tested without a database (docs/decisions/0019-your-talk-moved.md).
 */

export type RecordedChange = { id: number; kind: SessionChangeKind; fields: FieldChanges; createdAt: Date };
export type StarSeenPoint = { createdAt: Date; seenChangesAt: Date | null };

/** The fields that move a session in someone's day; a new abstract or title is no reason to alarm them. */
const movingFields = ["startsAt", "endsAt", "room"] as const;

export function isMove(change: Pick<RecordedChange, "kind" | "fields">): boolean {
  if (change.kind === "cancelled" || change.kind === "restored") return true;
  return change.kind === "changed" && movingFields.some((field) => field in change.fields);
}

/** The moves recorded after the star was made and after it was last marked seen, oldest first. */
export function unseenMoves(star: StarSeenPoint, changes: RecordedChange[]): RecordedChange[] {
  const since = star.seenChangesAt && star.seenChangesAt > star.createdAt ? star.seenChangesAt : star.createdAt;
  return changes
    .filter((change) => change.createdAt > since && isMove(change))
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id);
}

export type Slot = { id: number; startsAt: Date; endsAt: Date; cancelled: boolean };

/** Where a session was before its unseen moves: each field's old value from the first move that touched it. */
export function slotBefore(now: Slot, moves: RecordedChange[]): Slot {
  const before = { ...now };
  const instant = (value: ChangedValue, fallback: Date) => (typeof value === "string" ? new Date(value) : fallback);
  let startsAt = false, endsAt = false, status = false;
  for (const move of moves) {
    if (!startsAt && move.fields.startsAt) [before.startsAt, startsAt] = [instant(move.fields.startsAt[0], now.startsAt), true];
    if (!endsAt && move.fields.endsAt) [before.endsAt, endsAt] = [instant(move.fields.endsAt[0], now.endsAt), true];
    if (!status && (move.kind === "cancelled" || move.kind === "restored")) [before.cancelled, status] = [move.kind === "restored", true];
  }
  return before;
}

const clash = (a: Slot, b: Slot) => !a.cancelled && !b.cancelled && a.startsAt < b.endsAt && b.startsAt < a.endsAt;

/**
 * The clashes that moves made: pairs that overlap now but did not before the moves
 * (each side at its time before its own unseen moves). Keyed by session id.
 */
export function clashesMadeByMoves(sessions: Slot[], movesBySession: Map<number, RecordedChange[]>): Map<number, number[]> {
  const before = new Map(sessions.map((slot) => [slot.id, slotBefore(slot, movesBySession.get(slot.id) ?? [])]));
  const made = new Map<number, number[]>();
  for (let i = 0; i < sessions.length; i++) {
    for (let j = i + 1; j < sessions.length; j++) {
      const a = sessions[i]!, b = sessions[j]!;
      if (!movesBySession.get(a.id)?.length && !movesBySession.get(b.id)?.length) continue;
      if (!clash(a, b) || clash(before.get(a.id)!, before.get(b.id)!)) continue;
      made.set(a.id, [...(made.get(a.id) ?? []), b.id]);
      made.set(b.id, [...(made.get(b.id) ?? []), a.id]);
    }
  }
  return made;
}
