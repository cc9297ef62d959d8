import Link from "next/link";
import type { ConferenceInfo } from "@/lib/schedule/conference";
import { formatDateSpan } from "@/lib/time";
import { SectionLink } from "./section-link";

const sections = [
  { href: "schedule", label: "Schedule" },
  { href: "speakers", label: "Speakers" },
  { href: "search", label: "Search" },
] as const;

export function ConferenceHeader({ conference }: { conference: ConferenceInfo }) {
  return (
    <div className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900/40">
      <div className="mx-auto max-w-5xl px-4 pt-6 sm:px-6 sm:pt-8">
        <p className="text-xs font-semibold uppercase tracking-wider text-accent-600 dark:text-accent-300">
          {formatDateSpan(conference.startDate, conference.endDate)}
          {conference.city && ` · ${conference.city}`}
        </p>
        <p className="mt-1 text-xl font-bold tracking-tight sm:text-2xl">
          <Link href={`/${conference.slug}/schedule`}>{conference.name}</Link>
        </p>
        {conference.venue && <p className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-400">{conference.venue}</p>}
        <nav aria-label={conference.name} className="mt-4">
          <ul className="-mb-px flex gap-6 text-sm font-medium">
            {sections.map((section) => (
              <li key={section.href}>
                <SectionLink href={`/${conference.slug}/${section.href}`}>{section.label}</SectionLink>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </div>
  );
}
