import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getConference } from "@/lib/schedule/conference";
import { conferenceSpan, getNowAndNext, listExploreMoments } from "@/lib/schedule/now";
import { formatDateSpan, formatShortDate, formatTime, localDate, toZonedIsoString, zoneAbbreviation } from "@/lib/time";
import { atParamSchema } from "@/lib/validation/instant";
import { describeIssues } from "@/lib/validation/params";
import { ErrorNotice } from "@/components/ui/notice";
import { TimeZoneNote } from "@/components/conference/time-zone-note";
import { ExploreMoments, RoomBoard } from "@/components/now/room-board";
import { href } from "@/lib/routes";

type Props = { params: Promise<{ conf: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const conference = await getConference((await params).conf);
  return { title: conference ? `Now · ${conference.name}` : "Now" };
}

// Dynamic: without ?at= it answers for the real current time. A bad ?at= cannot be
// a 400 from a page, so it says what is wrong in the page; /api/…/now answers 400.
export default async function NowPage({ params, searchParams }: Props) {
  const conference = await getConference((await params).conf);
  if (!conference) notFound();
  const parsed = atParamSchema.safeParse(await searchParams);
  const moments = await listExploreMoments(conference);
  const tz = conference.timeZone;

  if (!parsed.success) {
    return (
      <div className="space-y-8">
        <Heading conference={conference} />
        <ErrorNotice title="That is not a moment Hallway can show" message={`${describeIssues(parsed.error)}.`} />
        <ExploreMoments conferenceSlug={conference.slug} moments={moments} />
      </div>
    );
  }

  const at = parsed.data.at ?? new Date();
  const rooms = await getNowAndNext(conference, at);
  const span = conferenceSpan(conference);
  const atLabel = `${formatShortDate(localDate(at, tz))}, ${formatTime(at, tz)} ${zoneAbbreviation(at, tz)}`;
  const dates = formatDateSpan(conference.startDate, conference.endDate);

  return (
    <div className="space-y-8">
      <Heading conference={conference} />
      <div className="space-y-1 text-sm text-zinc-700 dark:text-zinc-300">
        <p>
          {parsed.data.at ? "At " : "Right now, "}
          <time dateTime={at.toISOString()} className="font-semibold tabular-nums">
            {atLabel}
          </time>
          {parsed.data.at && <span className="text-zinc-500 dark:text-zinc-400"> ({toZonedIsoString(at, tz)})</span>}
        </p>
        {at < span.start && <p>{conference.name} has not started yet: it runs {dates}.</p>}
        {at >= span.end && <p>{conference.name} is over: it ran {dates}. Pick a moment below to see what was on.</p>}
      </div>
      <RoomBoard rooms={rooms} conference={conference} atDay={localDate(at, tz)} returnTo={href.now(conference.slug, parsed.data.at ? toZonedIsoString(at, tz) : null)} />
      <ExploreMoments conferenceSlug={conference.slug} moments={moments} />
    </div>
  );
}

function Heading({ conference }: { conference: { timeZone: string; startDate: string; city: string } }) {
  return (
    <header>
      <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">On now and next</h1>
      <TimeZoneNote conference={conference} />
    </header>
  );
}
