import { zoneAbbreviation, zonedTimeToUtc } from "@/lib/time";

/** Says which clock the times on the page are in, so nobody has to guess between home time and venue time. */
export function TimeZoneNote({ conference }: { conference: { timeZone: string; startDate: string; city: string } }) {
  const zone = zoneAbbreviation(zonedTimeToUtc(`${conference.startDate}T12:00`, conference.timeZone), conference.timeZone);
  const place = conference.city || conference.timeZone.split("/").pop()?.replace(/_/g, " ");
  return (
    <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
      Times are {place} time ({zone}, {conference.timeZone}).
    </p>
  );
}
