import Link from "next/link";
import type { ScheduleEntry } from "@/lib/schedule/schedule-view";
import { formatShortDate, formatTimeRange } from "@/lib/time";
import { CancelledBadge, KindBadge } from "@/components/ui/kind-badge";
import { HighlightedText, plainExcerpt } from "@/components/ui/highlighted-text";
import { TrackBadge } from "@/components/ui/track-badge";
import { StarButton } from "@/components/agenda/star-button";
import { zonedTimeAttributes } from "@/components/time/time-attributes";
import { href as routes } from "@/lib/routes";

export function SessionCard({
  session,
  conferenceSlug,
  timeZone,
  headingLevel = 3,
  showDate = false,
  returnTo,
}: {
  session: ScheduleEntry;
  conferenceSlug: string;
  timeZone: string;
  headingLevel?: 2 | 3 | 4;
  showDate?: boolean;
  /** The page the card is on, for the star's sign-in without JavaScript; the session's page when not given. */
  returnTo?: string;
}) {
  const Heading = `h${headingLevel}` as const;
  const cancelled = session.status === "cancelled";
  const href = routes.session(conferenceSlug, session.slug);
  return (
    <article
      className="relative rounded-xl border border-zinc-200 bg-white p-4 shadow-sm transition hover:border-zinc-300 hover:shadow dark:border-zinc-800 dark:bg-zinc-900 dark:hover:border-zinc-700"
      style={{ borderLeftColor: session.track?.color, borderLeftWidth: session.track ? 4 : undefined }}
    >
      <div className="flex items-start gap-2">
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-zinc-500 dark:text-zinc-400">
            <time {...zonedTimeAttributes(session.startsAt, session.endsAt, timeZone, { showDate })} className="font-semibold tabular-nums text-zinc-700 dark:text-zinc-300">
              {showDate && `${formatShortDate(session.day)}, `}
              {formatTimeRange(session.startsAt, session.endsAt, timeZone)}
            </time>
            {session.room && <span>{session.room.name}</span>}
            {session.track && <TrackBadge track={session.track} />}
            <KindBadge kind={session.kind} />
            {cancelled && <CancelledBadge />}
          </div>
          <Heading className={`mt-1.5 text-base font-semibold leading-snug ${cancelled ? "line-through decoration-zinc-400" : ""}`}>
            <Link href={href} className="after:absolute after:inset-0 after:rounded-xl hover:text-accent-700 dark:hover:text-accent-300">
              {session.titleHighlight ? <HighlightedText text={session.titleHighlight} /> : session.title}
            </Link>
          </Heading>
          {session.speakers.length > 0 && (
            <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{session.speakers.map((s) => s.name).join(", ")}</p>
          )}
          {session.snippet && (
            <p className="mt-2 line-clamp-3 text-sm text-zinc-600 dark:text-zinc-400">
              <HighlightedText text={plainExcerpt(session.snippet)} />
            </p>
          )}
        </div>
        {/* Above the title link's full-card ::after, so the star is clickable on its own. */}
        <StarButton conferenceSlug={conferenceSlug} sessionSlug={session.slug} sessionTitle={session.title} returnTo={returnTo ?? href} className="-mr-2 -mt-2 shrink-0" />
      </div>
    </article>
  );
}
