"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { browserMayBeSignedIn, forgetSignedInHint } from "@/components/account/signed-in-hint";
import { href } from "@/lib/routes";

/**
 * "2 of your sessions moved — see my agenda", on every page of a conference. The
 * pages are cached for everyone, so this asks afterwards, and only when this browser
 * may be signed in (docs/decisions/0017-signed-in-speed.md); the agenda itself shows
 * the details and the way to mark them seen.
 */
export function MovedBanner({ conferenceSlug }: { conferenceSlug: string }) {
  const [count, setCount] = useState(0);
  const pathname = usePathname();
  const agendaPath = href.agenda(conferenceSlug);

  useEffect(() => {
    if (!browserMayBeSignedIn()) return;
    let live = true;
    fetch(href.api.moved(conferenceSlug), { credentials: "same-origin", cache: "no-store" })
      .then(async (response) => {
        if (response.status === 401) return forgetSignedInHint();
        if (!response.ok || !live) return;
        const { sessions } = (await response.json()) as { sessions: unknown[] };
        if (live) setCount(sessions.length);
      })
      .catch(() => {
        // Offline: the agenda says it when the connection is back.
      });
    return () => void (live = false);
  }, [conferenceSlug]);

  // The agenda lists the moves itself.
  if (count === 0 || pathname === agendaPath) return null;
  return (
    <div role="status" className="border-b border-amber-300 bg-amber-50 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
      <p className="mx-auto max-w-5xl px-4 py-2 sm:px-6">
        <span aria-hidden>⚠ </span>
        {count === 1 ? "1 of your sessions moved" : `${count} of your sessions moved`} —{" "}
        <Link href={`${agendaPath}#moved`} prefetch={false} className="font-semibold underline underline-offset-2">
          see my agenda
        </Link>
      </p>
    </div>
  );
}
