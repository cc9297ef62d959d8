import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { listChangesForSession } from "@/lib/schedule/changes";
import { getConference } from "@/lib/schedule/conference";
import { getSessionDetail } from "@/lib/schedule/sessions";
import { formatLongDate, formatTimeRange } from "@/lib/time";
import { CancelledBadge, KindBadge } from "@/components/ui/kind-badge";
import { Markdown } from "@/components/ui/markdown";
import { TrackBadge } from "@/components/ui/track-badge";
import { SessionCard } from "@/components/session/session-card";
import { PublicNotes } from "@/components/session/public-notes";
import { SessionChanges } from "@/components/session/session-changes";
import { MyNote } from "@/components/notes/my-note";
import { StarButton } from "@/components/agenda/star-button";
import { zonedTimeAttributes } from "@/components/time/time-attributes";
import { href } from "@/lib/routes";

export const revalidate = 300;
export async function generateStaticParams() {
  return [];
}

async function load(params: PageProps<"/[conf]/sessions/[slug]">["params"]) {
  const { conf, slug } = await params;
  const conference = await getConference(conf);
  if (!conference) notFound();
  const session = await getSessionDetail(conference, slug);
  if (!session) notFound();
  return { conference, session };
}

export async function generateMetadata({ params }: PageProps<"/[conf]/sessions/[slug]">): Promise<Metadata> {
  const { conference, session } = await load(params);
  return { title: `${session.title} · ${conference.name}`, description: session.abstract.slice(0, 160) };
}

export default async function SessionPage({ params }: PageProps<"/[conf]/sessions/[slug]">) {
  const { conference, session } = await load(params);
  const changes = await listChangesForSession(session.id);
  const tz = conference.timeZone;
  const here = href.session(conference.slug, session.slug);
  return (
    <article className="space-y-10">
      <header className="space-y-4">
        <nav aria-label="Breadcrumb" className="text-sm">
          <Link href={href.schedule(conference.slug, { day: session.day })} className="font-medium text-accent-600 hover:underline dark:text-accent-300">
            ← {formatLongDate(session.day)}
          </Link>
        </nav>
        <div className="flex flex-wrap items-center gap-3">
          {session.track && (
            <Link href={href.schedule(conference.slug, { track: session.track.slug })} className="hover:underline">
              <TrackBadge track={session.track} className="text-sm" />
            </Link>
          )}
          <KindBadge kind={session.kind} />
          {session.status === "cancelled" && <CancelledBadge />}
        </div>
        <h1 className="text-3xl font-bold leading-tight tracking-tight sm:text-4xl">{session.title}</h1>
        {session.subtitle && <p className="text-lg text-zinc-600 dark:text-zinc-400">{session.subtitle}</p>}
        <SessionChanges changes={changes} timeZone={tz} now={new Date()} allChangesHref={href.changes(conference.slug)} />
        {/* Cached for everyone: whether it is on my agenda is asked by the island in the browser. */}
        <StarButton conferenceSlug={conference.slug} sessionSlug={session.slug} sessionTitle={session.title} returnTo={here} variant="full" />
        <dl className="grid gap-x-8 gap-y-3 rounded-xl border border-zinc-200 bg-white p-4 text-sm sm:grid-cols-3 dark:border-zinc-800 dark:bg-zinc-900">
          <div>
            <dt className="text-xs font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400">When</dt>
            <dd className="mt-1 font-medium">
              {formatLongDate(session.day)}
              <br />
              <time {...zonedTimeAttributes(session.startsAt, session.endsAt, tz)} className="tabular-nums">
                {formatTimeRange(session.startsAt, session.endsAt, tz)}
              </time>
            </dd>
          </div>
          <div>
            <dt className="text-xs font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400">Where</dt>
            <dd className="mt-1 font-medium">{session.room?.name ?? "To be announced"}</dd>
          </div>
          <div>
            <dt className="text-xs font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400">{session.speakers.length === 1 ? "Speaker" : "Speakers"}</dt>
            <dd className="mt-1">
              {session.speakers.length === 0 && <span className="text-zinc-500 dark:text-zinc-400">None listed</span>}
              <ul className="space-y-1">
                {session.speakers.map((speaker) => (
                  <li key={speaker.slug}>
                    <Link href={href.speaker(conference.slug, speaker.slug)} className="font-medium text-accent-600 hover:underline dark:text-accent-300">
                      {speaker.name}
                    </Link>
                    {speaker.affiliation && <span className="text-zinc-500 dark:text-zinc-400"> · {speaker.affiliation}</span>}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        </dl>
        {session.illustrative && (
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            The time or room of this session is illustrative: the published sources do not give it.
          </p>
        )}
        <p>
          <a
            href={href.sessionCalendar(conference.slug, session.slug)}
            className="inline-flex items-center gap-1.5 rounded-lg border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
          >
            Add to calendar <span className="text-xs text-zinc-500 dark:text-zinc-400">(.ics)</span>
          </a>
        </p>
      </header>

      {session.abstract && (
        <section aria-labelledby="abstract" className="max-w-3xl">
          <h2 id="abstract" className="sr-only">About this session</h2>
          <Markdown source={session.abstract} className="text-base" />
        </section>
      )}

      {/* The page is cached for everyone: the island fetches the viewer's note in the browser. */}
      <MyNote conferenceSlug={conference.slug} sessionSlug={session.slug} sessionTitle={session.title} />

      <PublicNotes notes={session.publicNotes} />

      {(session.parallel.length > 0 || session.nextInRoom) && (
        <div className="grid gap-8 border-t border-zinc-200 pt-8 lg:grid-cols-2 dark:border-zinc-800">
          <section aria-labelledby="parallel">
            <h2 id="parallel" className="text-lg font-semibold tracking-tight">At the same time</h2>
            {session.parallel.length === 0 ? (
              <p className="mt-3 text-sm text-zinc-600 dark:text-zinc-400">Nothing else runs in parallel.</p>
            ) : (
              <ul className="mt-3 space-y-3">
                {session.parallel.map((other) => (
                  <li key={other.id}>
                    <SessionCard session={other} conferenceSlug={conference.slug} timeZone={tz} returnTo={here} />
                  </li>
                ))}
              </ul>
            )}
            {session.parallelCount > session.parallel.length && (
              <p className="mt-3 text-sm">
                <Link href={href.schedule(conference.slug, { day: session.day })} className="font-medium text-accent-600 hover:underline dark:text-accent-300">
                  {session.parallelCount - session.parallel.length} more at the same time on the day’s schedule →
                </Link>
              </p>
            )}
          </section>
          <section aria-labelledby="next-in-room">
            <h2 id="next-in-room" className="text-lg font-semibold tracking-tight">Next in {session.room?.name ?? "this room"}</h2>
            {session.nextInRoom ? (
              <div className="mt-3">
                <SessionCard session={session.nextInRoom} conferenceSlug={conference.slug} timeZone={tz} showDate returnTo={here} />
              </div>
            ) : (
              <p className="mt-3 text-sm text-zinc-600 dark:text-zinc-400">Nothing else is scheduled in this room afterwards.</p>
            )}
          </section>
        </div>
      )}
    </article>
  );
}
