/**
 * The attributes that let components/time/zone-rewriter.tsx show a server-rendered
 * time in the zone a person chose. The text stays the conference's time (what
 * the cached page and JavaScript-off readers see); these say what it means.
 */
export function zonedTimeAttributes(start: Date, end: Date | null, timeZone: string, options: { showDate?: boolean } = {}) {
  return {
    dateTime: start.toISOString(),
    "data-hallway-range": "",
    "data-start": start.toISOString(),
    "data-end": end?.toISOString(),
    "data-zone": timeZone,
    "data-show-date": options.showDate ? "" : undefined,
  };
}
