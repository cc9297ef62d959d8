"use client";

import { useEffect, useState } from "react";
import { browserMayBeSignedIn, forgetSignedInHint } from "@/components/account/signed-in-hint";
import { SessionCard } from "@/components/session/session-card";
import { ownMatchFromJson, type OwnMatchJson } from "@/lib/schedule/own-matches";
import type { SearchHit } from "@/lib/schedule/session-search";
import { href } from "@/lib/routes";

/**
 * The viewer's own private notes that match, beside the cached public results: the
 * page is the same for everyone, so this part is asked from the browser, and only
 * when the signed-in hint says there is someone to ask for
 * (docs/decisions/0017-signed-in-speed.md). Without JavaScript the page links to
 * the dynamic search, which includes them.
 */
export function OwnNoteMatches({ conference, q, returnTo }: { conference: { slug: string; timeZone: string }; q: string; returnTo: string }) {
  const [hits, setHits] = useState<SearchHit[]>([]);
  useEffect(() => {
    if (!browserMayBeSignedIn()) return;
    let cancelled = false;
    fetch(href.api.ownSearch(conference.slug, q), { credentials: "same-origin", cache: "no-store" })
      .then(async (response) => {
        if (response.status === 401) forgetSignedInHint();
        if (!response.ok || cancelled) return;
        const { sessions } = (await response.json()) as { sessions: OwnMatchJson[] };
        if (!cancelled) setHits(sessions.map(ownMatchFromJson));
      })
      .catch(() => {
        // Offline: the public results stand alone.
      });
    return () => {
      cancelled = true;
    };
  }, [conference.slug, q]);
  if (!hits.length) return null;
  return (
    <section aria-labelledby="own-note-matches" className="space-y-3">
      <h2 id="own-note-matches" className="text-lg font-semibold tracking-tight">
        In your private notes <span className="text-sm font-normal text-zinc-600 dark:text-zinc-400">({hits.length}, only you see these)</span>
      </h2>
      <ol className="space-y-3">
        {hits.map((hit) => (
          <li key={hit.id}>
            <SessionCard session={hit} conferenceSlug={conference.slug} timeZone={conference.timeZone} headingLevel={3} showDate returnTo={returnTo} />
          </li>
        ))}
      </ol>
    </section>
  );
}
