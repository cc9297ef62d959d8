import { zoneAbbreviation, zonedTimeToUtc } from "@/lib/time";
import { ZoneSwitcher } from "@/components/time/zone-switcher";

/**
 * Says which clock the times on the page are in, so nobody has to guess between
 * home time and venue time, and offers the person's own (components/time).
 */
export function TimeZoneNote({ conference }: { conference: { timeZone: string; startDate: string; city: string } }) {
  const reference = zonedTimeToUtc(`${conference.startDate}T12:00`, conference.timeZone);
  const zone = zoneAbbreviation(reference, conference.timeZone);
  const place = conference.city || conference.timeZone.split("/").pop()?.replace(/_/g, " ") || conference.timeZone;
  return (
    <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
      <ZoneSwitcher conferenceZone={conference.timeZone} place={place} abbreviation={zone} reference={reference.toISOString()} />
    </p>
  );
}
