import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getAgenda, starTargetSelect, type Agenda } from "@/lib/agenda/agenda";
import { listMovedStars, newestMoveAt, type MovedStar } from "@/lib/agenda/moved-stars";
import { clashesMadeByMoves } from "@/lib/agenda/moves";
import { describeChange } from "@/lib/schedule/describe-change";
import { getCalendarReminder } from "@/lib/calendar/calendar-token";
import type { AgendaMoves } from "@/components/agenda/agenda-days";
import { findSession } from "@/lib/schedule/sessions";
import { requireViewer, safeReturnPath } from "@/lib/auth/viewer";
import { getConference } from "@/lib/schedule/conference";
import { conferenceSpan, listExploreMoments } from "@/lib/schedule/now";
import { firstValue, slugSchema } from "@/lib/validation/params";
import { atParamSchema } from "@/lib/validation/instant";
import { formatShortDate, formatTime, localDate, zoneAbbreviation } from "@/lib/time";
import { EmptyState } from "@/components/ui/notice";
import { TimeZoneNote } from "@/components/conference/time-zone-note";
import { AgendaDays } from "@/components/agenda/agenda-days";
import { NextUpPanel } from "@/components/agenda/next-up-panel";
import { StarForm } from "@/components/agenda/star-form";
import { CalendarSubscription } from "@/components/calendar/calendar-subscription";
import { publicOrigin } from "@/lib/http";
import { href } from "@/lib/routes";
import { headers } from "next/headers";

type Props = { params: Promise<{ conf: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Set by the star form's redirect: which session just changed, and the page the person came from. Anything else is ignored. */
const agendaParamsSchema = z.object({
  changed: z.preprocess(firstValue, slugSchema.optional()).catch(undefined),
  back: z.preprocess(firstValue, z.string().max(2_000).optional()).catch(undefined),
  /** A subscription secret just made (shown once), or "revoked". */
  calendar: z.preprocess(firstValue, z.string().regex(/^[A-Za-z0-9_-]{16,64}$|^revoked$/).optional()).catch(undefined),
  /** Set by "Mark as seen". */
  seen: z.preprocess(firstValue, z.literal("1").optional()).catch(undefined),
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const conference = await getConference((await params).conf);
  return { title: conference ? `My agenda · ${conference.name}` : "My agenda", robots: { index: false } };
}

export default async function MyAgendaPage({ params, searchParams }: Props) {
  const conference = await getConference((await params).conf);
  if (!conference) notFound();
  const here = href.agenda(conference.slug);
  const viewer = await requireViewer(here);
  const query = await searchParams;
  const { changed, back, calendar, seen } = agendaParamsSchema.parse(query);
  // `?at=` as /now has it, to see what is next at another moment; a malformed one is ignored here.
  const at = atParamSchema.safeParse(query).data?.at;
  const now = at ?? new Date();
  const over = now >= conferenceSpan(conference).end;
  const [agenda, movedStars, moments, changedTarget, reminderMinutes] = await Promise.all([
    getAgenda(viewer.id, conference),
    listMovedStars(viewer.id, conference.id),
    // Only a conference that is over offers a moment to replay.
    over ? listExploreMoments(conference) : [],
    changed ? findSession(conference.slug, changed, starTargetSelect) : null,
    getCalendarReminder(viewer.id, conference.id),
  ]);
  const subscribed = reminderMinutes !== null;
  const moves = agendaMoves(agenda, movedStars, conference.timeZone);
  const origin = publicOrigin(await headers());
  const backTo = safeReturnPath(back, here);

  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">My agenda</h1>
        <TimeZoneNote conference={conference} />
      </header>

      {changedTarget && (
        <ChangeNotice
          conferenceSlug={conference.slug}
          session={changedTarget}
          starred={agenda.sessions.some((session) => session.id === changedTarget.id)}
          backTo={backTo === here ? null : backTo}
        />
      )}

      {movedStars.length > 0 ? (
        <MovedNotice conferenceSlug={conference.slug} moved={movedStars} lines={moves.lines} />
      ) : (
        seen && <p role="status" className="text-sm text-emerald-700 dark:text-emerald-300">Marked as seen.</p>
      )}

      {agenda.sessions.length === 0 ? (
        <EmptyState title="Nothing on your agenda yet">
          Star the sessions you want to go to on the{" "}
          <Link href={href.schedule(conference.slug)} className="font-medium text-accent-600 hover:underline dark:text-accent-300">
            schedule
          </Link>
          : they appear here day by day, with clashes flagged and what is next.
        </EmptyState>
      ) : (
        <>
          <NextUpPanel
            conference={conference}
            agenda={agenda}
            now={now}
            atLabel={at ? `${formatShortDate(localDate(at, conference.timeZone))}, ${formatTime(at, conference.timeZone)} ${zoneAbbreviation(at, conference.timeZone)}` : null}
            over={over}
            replay={moments[0] ?? null}
          />
          <AgendaDays agenda={agenda} conference={conference} moves={moves} />
        </>
      )}

      <CalendarSubscription
        conferenceSlug={conference.slug}
        origin={origin}
        active={subscribed}
        freshToken={calendar && calendar !== "revoked" ? calendar : null}
        revoked={calendar === "revoked"}
        reminderMinutes={reminderMinutes}
      />
    </div>
  );
}

/** What the star form just did: without JavaScript, this page is where the person sees it. */
function ChangeNotice({ conferenceSlug, session, starred, backTo }: {
  conferenceSlug: string;
  session: { slug: string; title: string };
  starred: boolean;
  backTo: string | null;
}) {
  return (
    // Unstarred, the session is no longer listed, so the redirect's #slug lands here.
    <div id={starred ? undefined : session.slug} role="status" className="flex flex-wrap items-center gap-x-4 gap-y-2 rounded-xl border border-zinc-200 bg-white px-5 py-3 text-sm dark:border-zinc-800 dark:bg-zinc-900">
      <p>
        {starred ? "Added" : "Removed"} <span className="font-semibold">{session.title}</span> {starred ? "to" : "from"} your agenda.
      </p>
      {!starred && <StarForm conferenceSlug={conferenceSlug} sessionSlug={session.slug} starred />}
      {backTo && (
        <Link href={backTo} className="font-medium text-accent-600 hover:underline dark:text-accent-300">
          ← Back to where you were
        </Link>
      )}
    </div>
  );
}

/** The moves in words, in the conference's zone, and the clashes they made among my stars. */
function agendaMoves(agenda: Agenda, moved: MovedStar[], timeZone: string): AgendaMoves {
  const bySession = new Map(moved.map((star) => [star.sessionId, star.moves]));
  const slots = agenda.sessions.map((session) => ({ id: session.id, startsAt: session.startsAt, endsAt: session.endsAt, cancelled: session.status === "cancelled" }));
  return {
    lines: new Map(moved.map((star) => [star.sessionId, star.moves.flatMap((move) => describeChange(move, timeZone))])),
    newClashes: clashesMadeByMoves(slots, bySession),
  };
}

/** Which starred sessions changed since I last looked, and the form that marks them seen (works without JavaScript). */
function MovedNotice({ conferenceSlug, moved, lines }: { conferenceSlug: string; moved: MovedStar[]; lines: Map<number, string[]> }) {
  return (
    <section id="moved" aria-labelledby="moved-heading" className="scroll-mt-6 rounded-xl border border-sky-300 bg-sky-50 px-5 py-4 text-sm dark:border-sky-800 dark:bg-sky-950">
      <h2 id="moved-heading" className="font-semibold">
        {moved.length === 1 ? "1 of your sessions changed" : `${moved.length} of your sessions changed`} since you last looked
      </h2>
      <ul className="mt-2 space-y-1">
        {moved.map((star) => (
          <li key={star.sessionId}>
            <Link href={href.session(conferenceSlug, star.slug)} className="font-medium underline underline-offset-2">
              {star.title}
            </Link>
            : {(lines.get(star.sessionId) ?? []).join(". ")}
          </li>
        ))}
      </ul>
      <form method="post" action={href.api.moved(conferenceSlug)} className="mt-3">
        <input type="hidden" name="upTo" value={newestMoveAt(moved)?.toISOString() ?? ""} />
        <button type="submit" className="rounded-lg border border-sky-400 px-3 py-1.5 font-semibold hover:bg-sky-100 dark:border-sky-700 dark:hover:bg-sky-900">
          Mark as seen
        </button>
      </form>
    </section>
  );
}
