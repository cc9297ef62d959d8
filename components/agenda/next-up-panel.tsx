import Link from "next/link";
import { nextUp, type Agenda, type AgendaSession } from "@/lib/agenda/agenda";
import type { ExploreMoment } from "@/lib/schedule/now";
import { formatShortDate, formatTimeRange } from "@/lib/time";
import { zonedTimeAttributes } from "@/components/time/time-attributes";
import { href } from "@/lib/routes";

type Conference = { slug: string; name: string; timeZone: string };

/** Where to be now and where to go next, from my agenda; once the conference is over, a way to replay it. */
export function NextUpPanel({ conference, agenda, now, over, replay }: {
  conference: Conference;
  agenda: Agenda;
  now: Date;
  /** True once the conference's last day has ended. */
  over: boolean;
  /** A moment of its first day, for /now?at= once it is over. */
  replay: ExploreMoment | null;
}) {
  const { current, next } = nextUp(agenda, now);
  return (
    <section aria-labelledby="next-up" className="rounded-xl border border-accent-100 bg-accent-50 p-5 dark:border-accent-700/40 dark:bg-accent-700/10">
      <h2 id="next-up" className="text-lg font-semibold tracking-tight">Next up</h2>
      {over && !current && !next ? (
        <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">
          {conference.name} is over.{" "}
          {replay && (
            <Link href={href.now(conference.slug, replay.param)} className="font-medium text-accent-600 hover:underline dark:text-accent-300">
              See what was on at {replay.label} →
            </Link>
          )}
        </p>
      ) : (
        <dl className="mt-3 grid gap-4 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-xs font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400">Now</dt>
            <dd className="mt-1">{current ? <UpItem session={current} conference={conference} /> : "Nothing on your agenda right now."}</dd>
          </div>
          <div>
            <dt className="text-xs font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400">Next</dt>
            <dd className="mt-1">{next ? <UpItem session={next} conference={conference} /> : "Nothing more on your agenda."}</dd>
          </div>
        </dl>
      )}
    </section>
  );
}

function UpItem({ session, conference }: { session: AgendaSession; conference: Conference }) {
  return (
    <>
      <a href={`#${session.slug}`} className="font-semibold text-zinc-900 hover:underline dark:text-zinc-100">
        {session.title}
      </a>
      <br />
      <time {...zonedTimeAttributes(session.startsAt, session.endsAt, conference.timeZone, { showDate: true })} className="tabular-nums">
        {formatShortDate(session.day)}, {formatTimeRange(session.startsAt, session.endsAt, conference.timeZone)}
      </time>
      {session.room && ` · ${session.room.name}`}
    </>
  );
}
