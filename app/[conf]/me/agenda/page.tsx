import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getAgenda, starTargetSelect } from "@/lib/agenda/agenda";
import { findSession } from "@/lib/schedule/sessions";
import { requireViewer, safeReturnPath } from "@/lib/auth/viewer";
import { getConference } from "@/lib/schedule/conference";
import { conferenceSpan, listExploreMoments } from "@/lib/schedule/now";
import { firstValue, slugSchema } from "@/lib/validation/params";
import { EmptyState } from "@/components/ui/notice";
import { TimeZoneNote } from "@/components/conference/time-zone-note";
import { AgendaDays } from "@/components/agenda/agenda-days";
import { NextUpPanel } from "@/components/agenda/next-up-panel";
import { StarForm } from "@/components/agenda/star-form";
import { CalendarSubscription } from "@/components/calendar/calendar-subscription";
import { hasCalendarToken } from "@/lib/calendar/calendar-token";
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
  const { changed, back, calendar } = agendaParamsSchema.parse(await searchParams);
  const now = new Date();
  const over = now >= conferenceSpan(conference).end;
  const [agenda, moments, changedTarget, subscribed] = await Promise.all([
    getAgenda(viewer.id, conference),
    // Only a conference that is over offers a moment to replay.
    over ? listExploreMoments(conference) : [],
    changed ? findSession(conference.slug, changed, starTargetSelect) : null,
    hasCalendarToken(viewer.id, conference.id),
  ]);
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
          <NextUpPanel conference={conference} agenda={agenda} now={now} over={over} replay={moments[0] ?? null} />
          <AgendaDays agenda={agenda} conference={conference} />
        </>
      )}

      <CalendarSubscription
        conferenceSlug={conference.slug}
        origin={origin}
        active={subscribed}
        freshToken={calendar && calendar !== "revoked" ? calendar : null}
        revoked={calendar === "revoked"}
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
