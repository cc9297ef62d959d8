"use client";

import { useRouter } from "next/navigation";
import { useEffect, useSyncExternalStore } from "react";
import { getServerStars, getStars, retainStars, subscribeStars, toggleStar } from "./star-store";
import { href } from "@/lib/routes";

/**
 * Adds a session to my agenda or takes it off. Pages are cached and shared, so
 * the server renders a plain form that toggles the star and shows the result on
 * the agenda page (it works without JavaScript); in the browser the island asks
 * for my stars once per page and toggles in place.
 */
export function StarButton({
  conferenceSlug,
  sessionSlug,
  sessionTitle,
  returnTo,
  variant = "icon",
  className = "",
}: {
  conferenceSlug: string;
  sessionSlug: string;
  sessionTitle: string;
  /** Where sign-in should come back to when the form is posted without JavaScript. */
  returnTo: string;
  variant?: "icon" | "full";
  className?: string;
}) {
  const stars = useSyncExternalStore(subscribeStars, getStars, getServerStars);
  const router = useRouter();
  useEffect(() => retainStars(conferenceSlug), [conferenceSlug]);

  const known = stars.status !== "unknown";
  const starred = stars.status === "ready" && stars.starred.has(sessionSlug);
  const label = !known ? "Add to or remove from my agenda" : starred ? "Remove from my agenda" : "Add to my agenda";

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    // Until my stars are known, the plain form does the work.
    if (!known) return;
    event.preventDefault();
    if (stars.status === "signed-out") {
      router.push(href.signIn(window.location.pathname + window.location.search));
      return;
    }
    toggleStar(conferenceSlug, sessionSlug);
  }

  return (
    <form method="post" action={href.agendaStar(conferenceSlug)} onSubmit={onSubmit} className={`relative z-10 flex items-center gap-2 ${className}`}>
      <input type="hidden" name="slug" value={sessionSlug} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <button
        type="submit"
        aria-pressed={known ? starred : undefined}
        aria-label={variant === "icon" ? label : undefined}
        title={variant === "icon" ? `${label}: ${sessionTitle}` : undefined}
        className={
          variant === "icon"
            ? "grid size-9 place-items-center rounded-lg text-zinc-400 hover:bg-zinc-100 hover:text-amber-600 aria-pressed:text-amber-500 dark:text-zinc-500 dark:hover:bg-zinc-800 dark:aria-pressed:text-amber-400"
            : "inline-flex items-center gap-2 rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm font-semibold hover:border-zinc-400 aria-pressed:border-amber-400 aria-pressed:bg-amber-50 dark:border-zinc-700 dark:bg-zinc-900 dark:aria-pressed:border-amber-600 dark:aria-pressed:bg-amber-950/40"
        }
      >
        <svg viewBox="0 0 24 24" aria-hidden className={`size-5 ${starred ? "fill-amber-400 stroke-amber-500" : "fill-none stroke-current"}`} strokeWidth={1.8} strokeLinejoin="round">
          <path d="M12 3.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8-5.2-2.7-5.2 2.7 1-5.8-4.3-4.1 5.9-.9z" />
        </svg>
        {variant === "full" && label}
      </button>
      {stars.failed === sessionSlug && (
        <span role="alert" className="text-xs font-medium text-red-700 dark:text-red-300">
          Not saved
        </span>
      )}
    </form>
  );
}
