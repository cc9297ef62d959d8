import Link from "next/link";
import type { ConferenceInfo } from "@/lib/schedule/conference";
import { formatDateSpan } from "@/lib/time";
import { SectionLink } from "./section-link";
import { href } from "@/lib/routes";

const sections = [
  { href: (conf: string) => href.schedule(conf), label: "Schedule" },
  { href: (conf: string) => href.now(conf), label: "Now" },
  { href: href.speakers, label: "Speakers" },
  { href: (conf: string) => href.search(conf), label: "Search" },
] as const;

/** The header is on cached pages, so these show for everyone; signed out, they lead to sign-in. */
const personal = [
  { href: (conf: string) => href.agenda(conf), label: "My agenda" },
  { href: href.notes, label: "My notes" },
] as const;

export function ConferenceHeader({ conference }: { conference: ConferenceInfo }) {
  return (
    <div className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900/40">
      <div className="mx-auto max-w-5xl px-4 pt-6 sm:px-6 sm:pt-8">
        <div className="flex flex-wrap items-start justify-between gap-x-6 gap-y-3">
          <div>
            <p className="text-xs font-semibold uppercase tracking-wider text-accent-600 dark:text-accent-300">
              {formatDateSpan(conference.startDate, conference.endDate)}
              {conference.city && ` · ${conference.city}`}
            </p>
            <p className="mt-1 text-xl font-bold tracking-tight sm:text-2xl">
              <Link href={href.schedule(conference.slug)}>{conference.name}</Link>
            </p>
            {conference.venue && <p className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-400">{conference.venue}</p>}
          </div>
          <nav aria-label="Your pages">
            <ul className="flex gap-2 text-sm font-medium">
              {personal.map((link) => (
                <li key={link.label}>
                  <Link
                    href={link.href(conference.slug)}
                    prefetch={false}
                    className="inline-block rounded-lg border border-zinc-300 px-3 py-1.5 hover:border-zinc-400 hover:bg-zinc-50 dark:border-zinc-700 dark:hover:border-zinc-600 dark:hover:bg-zinc-800"
                  >
                    {link.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        </div>
        <nav aria-label={conference.name} className="mt-4">
          <ul className="-mb-px flex gap-6 text-sm font-medium">
            {sections.map((section) => (
              <li key={section.label}>
                <SectionLink href={section.href(conference.slug)}>{section.label}</SectionLink>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </div>
  );
}
