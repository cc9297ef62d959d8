import Link from "next/link";
import type { ExploreMoment, RoomNowAndNext } from "@/lib/schedule/now";
import { SessionCard } from "@/components/session/session-card";
import { href } from "@/lib/routes";

/** "in 5 min", "in 1 h 20 min"; null beyond a day, where the date says more. */
export function minutesUntil(from: Date, to: Date): string | null {
  const minutes = Math.max(0, Math.ceil((to.getTime() - from.getTime()) / 60_000));
  if (minutes >= 24 * 60) return null;
  if (minutes < 60) return `in ${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return `in ${hours} h${minutes % 60 ? ` ${minutes % 60} min` : ""}`;
}

/**
 * The rooms with something on or coming next, in room order; a room with nothing
 * left is left out, so a phone shows what matters.
 */
export function RoomBoard({ rooms, conference, at, atDay, returnTo }: {
  rooms: RoomNowAndNext[];
  conference: { slug: string; timeZone: string };
  /** The moment shown. */
  at: Date;
  /** The conference-local date of the moment shown: a next session on another day shows its date. */
  atDay: string;
  returnTo: string;
}) {
  const card = { conferenceSlug: conference.slug, timeZone: conference.timeZone, headingLevel: 4 as const, returnTo };
  const busy = rooms.filter(({ now, next }) => now || next);
  if (busy.length === 0) {
    return <Nothing>No room has anything on now or later.</Nothing>;
  }
  const hidden = rooms.length - busy.length;
  return (
    <ol className="space-y-8">
      {busy.map(({ room, now, next }) => (
        <li key={room.slug}>
          <section aria-labelledby={`room-${room.slug}`}>
            <h2 id={`room-${room.slug}`} className="text-lg font-semibold tracking-tight">{room.name}</h2>
            <div className="mt-3 grid gap-4 md:grid-cols-2">
              <div>
                <h3 className="text-xs font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400">Now</h3>
                {now && <Countdown>Ends {minutesUntil(at, now.endsAt) ?? "tomorrow or later"}</Countdown>}
                <div className="mt-2">
                  {now ? <SessionCard session={now} {...card} /> : <Nothing>Nothing on now</Nothing>}
                </div>
              </div>
              <div>
                <h3 className="text-xs font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400">Next</h3>
                {next && minutesUntil(at, next.startsAt) && <Countdown>Starts {minutesUntil(at, next.startsAt)}</Countdown>}
                <div className="mt-2">
                  {next ? <SessionCard session={next} {...card} showDate={next.day !== atDay} /> : <Nothing>Nothing more in this room</Nothing>}
                </div>
              </div>
            </div>
          </section>
        </li>
      ))}
      {hidden > 0 && (
        <li className="text-sm text-zinc-600 dark:text-zinc-400">
          {hidden} other room{hidden === 1 ? " has" : "s have"} nothing on now or later.
        </li>
      )}
    </ol>
  );
}

function Countdown({ children }: { children: React.ReactNode }) {
  return <p className="mt-0.5 text-sm font-medium text-zinc-800 dark:text-zinc-200">{children}</p>;
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
