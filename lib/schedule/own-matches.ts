import type { SearchHit } from "./session-search";

/**
 * A session where the viewer's private note matches, as the personal search answer
 * carries it to the page (app/api/conferences/[conf]/me/search): what a result card
 * shows, instants as ISO 8601. Types only from the server side, so the browser can use it.
 */
export type OwnMatchJson = Omit<SearchHit, "startsAt" | "endsAt"> & { startsAt: string; endsAt: string };

export function ownMatchToJson(hit: SearchHit): OwnMatchJson {
  return { ...hit, startsAt: hit.startsAt.toISOString(), endsAt: hit.endsAt.toISOString() };
}

export function ownMatchFromJson(json: OwnMatchJson): SearchHit {
  return { ...json, startsAt: new Date(json.startsAt), endsAt: new Date(json.endsAt) };
}
