"use client";

import { useSyncExternalStore } from "react";
import { zoneAbbreviation, zoneOffsetMinutes } from "@/lib/time";
import { browserZone, chooseZone, getServerZoneChoice, getZoneChoice, subscribeZoneChoice } from "./zone-preference";

const subscribeNever = () => () => {};

/**
 * Says which clock the page's times are in and lets the person switch between
 * the conference's and their own. Rendered on the server as the conference's
 * sentence alone; the button appears in the browser, which knows its own zone.
 */
export function ZoneSwitcher({ conferenceZone, place, abbreviation, reference }: {
  conferenceZone: string;
  place: string;
  abbreviation: string;
  /** An instant during the conference, to name zones and compare offsets at. */
  reference: string;
}) {
  const chosen = useSyncExternalStore(subscribeZoneChoice, getZoneChoice, getServerZoneChoice);
  const mine = useSyncExternalStore(subscribeNever, browserZone, () => null);
  const at = new Date(reference);
  const own = chosen && chosen !== conferenceZone ? chosen : null;
  const differs = mine !== null && zoneOffsetMinutes(at, mine) !== zoneOffsetMinutes(at, conferenceZone);

  const [sentence, action, next] = own
    ? [`Times are shown in your time zone (${zoneAbbreviation(at, own)}, ${own}); days are ${place}’s.`, `Show ${place} time (${abbreviation})`, null]
    : [`Times are ${place} time (${abbreviation}, ${conferenceZone}).`, differs ? `Show in my time zone (${mine})` : null, mine];

  return (
    <span aria-live="polite">
      <span>{sentence}</span>
      {action && (
        <>
          {" · "}
          <button type="button" onClick={() => chooseZone(next)} className="font-medium text-accent-600 underline-offset-2 hover:underline dark:text-accent-300">
            {action}
          </button>
        </>
      )}
    </span>
  );
}
