import Link from "next/link";
import type { ExploreMoment, RoomNowAndNext } from "@/lib/schedule/now";
import { SessionCard } from "@/components/session/session-card";
import { href } from "@/lib/routes";

/** Every room, in room order, with what is on in it and what comes next. */
export function RoomBoard({ rooms, conference, atDay, returnTo }: {
  rooms: RoomNowAndNext[];
  conference: { slug: string; timeZone: string };
  /** The conference-local date of the moment shown: a next session on another day shows its date. */
  atDay: string;
  returnTo: string;
}) {
  const card = { conferenceSlug: conference.slug, timeZone: conference.timeZone, headingLevel: 4 as const, returnTo };
  return (
    <ol className="space-y-8">
      {rooms.map(({ room, now, next }) => (
        <li key={room.slug}>
          <section aria-labelledby={`room-${room.slug}`}>
            <h2 id={`room-${room.slug}`} className="text-lg font-semibold tracking-tight">{room.name}</h2>
            <div className="mt-3 grid gap-4 md:grid-cols-2">
              <div>
                <h3 className="text-xs font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400">Now</h3>
                <div className="mt-2">
                  {now ? <SessionCard session={now} {...card} /> : <Nothing>Nothing on now</Nothing>}
                </div>
              </div>
              <div>
                <h3 className="text-xs font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400">Next</h3>
                <div className="mt-2">
                  {next ? <SessionCard session={next} {...card} showDate={next.day !== atDay} /> : <Nothing>Nothing more in this room</Nothing>}
                </div>
              </div>
            </div>
          </section>
        </li>
      ))}
    </ol>
  );
}

function Nothing({ children }: { children: React.ReactNode }) {
  return <p className="rounded-xl border border-dashed border-zinc-300 px-4 py-5 text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">{children}</p>;
}

/** Moments worth seeing, one per conference day, for a conference that is not on right now. */
export function ExploreMoments({ conferenceSlug, moments }: { conferenceSlug: string; moments: ExploreMoment[] }) {
  return (
    <nav aria-labelledby="explore-moments" className="border-t border-zinc-200 pt-6 dark:border-zinc-800">
      <h2 id="explore-moments" className="text-sm font-semibold">See another moment</h2>
      <ul className="mt-3 flex flex-wrap gap-2 text-sm">
        {moments.map((moment) => (
          <li key={moment.param}>
            <Link
              href={href.now(conferenceSlug, moment.param)}
              className="inline-block rounded-full border border-zinc-300 bg-white px-3 py-1.5 font-medium tabular-nums hover:border-zinc-400 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:border-zinc-600"
            >
              {moment.label}
            </Link>
          </li>
        ))}
        <li>
          <Link
            href={href.now(conferenceSlug)}
            className="inline-block rounded-full border border-zinc-300 bg-white px-3 py-1.5 font-medium hover:border-zinc-400 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:border-zinc-600"
          >
            The real time now
          </Link>
        </li>
      </ul>
    </nav>
  );
}
