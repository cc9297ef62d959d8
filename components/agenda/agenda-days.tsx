import Link from "next/link";
import type { Agenda, AgendaSession } from "@/lib/agenda/agenda";
import { formatLongDate, formatTimeRange } from "@/lib/time";
import { CancelledBadge } from "@/components/ui/kind-badge";
import { zonedTimeAttributes } from "@/components/time/time-attributes";
import { StarButton } from "./star-button";
import { href } from "@/lib/routes";

/** What moved, per session id: the change in words, and the clashes the move made (docs/decisions/0019-your-talk-moved.md). */
export type AgendaMoves = { lines: Map<number, string[]>; newClashes: Map<number, number[]> };

/** My starred sessions under the conference's days, each with what it clashes with and the star that takes it off. */
export function AgendaDays({ agenda, conference, moves }: { agenda: Agenda; conference: { slug: string; timeZone: string }; moves?: AgendaMoves }) {
  const byId = new Map(agenda.sessions.map((session) => [session.id, session]));
  return (
    <div className="space-y-10">
      {agenda.days.map((day) => (
        <section key={day.date} aria-labelledby={`agenda-day-${day.date}`}>
          <h2 id={`agenda-day-${day.date}`} className="text-lg font-semibold tracking-tight">
            {formatLongDate(day.date)}
            {day.label && <span className="font-normal text-zinc-500 dark:text-zinc-400"> · {day.label}</span>}
          </h2>
          <ol className="mt-3 space-y-3">
            {day.sessions.map((session) => (
              <AgendaItem
                key={session.id}
                session={session}
                overlapping={session.overlaps.flatMap((id) => byId.get(id) ?? [])}
                conference={conference}
                moved={moves?.lines.get(session.id) ?? []}
                newClashes={new Set(moves?.newClashes.get(session.id) ?? [])}
              />
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}

function AgendaItem({ session, overlapping, conference, moved, newClashes }: {
  session: AgendaSession;
  overlapping: AgendaSession[];
  conference: { slug: string; timeZone: string };
  moved: string[];
  newClashes: ReadonlySet<number>;
}) {
  const titleId = `agenda-title-${session.slug}`;
  const cancelled = session.status === "cancelled";
  return (
    <li
      id={session.slug}
      className="scroll-mt-6 rounded-xl border border-zinc-200 bg-white p-4 target:ring-2 target:ring-accent-500 dark:border-zinc-800 dark:bg-zinc-900 dark:target:ring-accent-300"
      style={{ borderLeftColor: session.track?.color, borderLeftWidth: session.track ? 4 : undefined }}
    >
      {/* The app's star, not a wide button: on a phone the title keeps the card's width. */}
      <article className="flex items-start gap-2">
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-zinc-500 dark:text-zinc-400">
            <time {...zonedTimeAttributes(session.startsAt, session.endsAt, conference.timeZone)} className="font-semibold tabular-nums text-zinc-700 dark:text-zinc-300">
              {formatTimeRange(session.startsAt, session.endsAt, conference.timeZone)}
            </time>
            {session.room && <span>{session.room.name}</span>}
            {cancelled && <CancelledBadge />}
          </div>
          <h3 id={titleId} className={`mt-1.5 text-base font-semibold leading-snug ${cancelled ? "line-through decoration-zinc-400" : ""}`}>
            <Link href={href.session(conference.slug, session.slug)} className="hover:text-accent-700 hover:underline dark:hover:text-accent-300">
              {session.title}
            </Link>
          </h3>
          {session.speakers.length > 0 && <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{session.speakers.map((s) => s.name).join(", ")}</p>}
          {moved.length > 0 && (
            <p className="mt-2 text-sm font-medium text-sky-800 dark:text-sky-200" data-moved>
              <span className="mr-1 rounded bg-sky-100 px-1.5 py-0.5 text-xs font-semibold uppercase tracking-wide dark:bg-sky-900">Changed</span>
              {moved.join(". ")}
            </p>
          )}
          {overlapping.length > 0 && (
            <p className="mt-2 text-sm font-medium text-amber-800 dark:text-amber-200">
              <span aria-hidden>⚠ </span>
              Overlaps with{" "}
              {overlapping.map((other, i) => (
                <span key={other.id}>
                  {i > 0 && ", "}
                  <a href={`#${other.slug}`} className="underline underline-offset-2">
                    {other.title}
                  </a>
                  {newClashes.has(other.id) && <span> (new since the move)</span>}
                </span>
              ))}
            </p>
          )}
        </div>
        <StarButton conferenceSlug={conference.slug} sessionSlug={session.slug} sessionTitle={session.title} returnTo={href.agenda(conference.slug)} className="-mr-2 -mt-2 shrink-0" />
      </article>
    </li>
  );
}
