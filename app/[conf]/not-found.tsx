import Link from "next/link";
import { ConferenceScheduleLink } from "@/components/conference/conference-link";
import { href } from "@/lib/routes";

// An unknown session, speaker or page inside a known conference: shown under its header and navigation (app/[conf]/layout.tsx).
// An unknown conference has no header to keep and gets app/not-found.tsx.
export default function ConferenceNotFound() {
  return (
    <div className="mx-auto max-w-xl py-8 text-center">
      <p className="text-sm font-semibold text-accent-600 dark:text-accent-300">404</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">Not found</h1>
      <p className="mt-3 text-zinc-600 dark:text-zinc-400">
        There is no conference, session or speaker at this address. It may have been renamed, or the link has a typo.
      </p>
      <p className="mt-6 flex flex-wrap justify-center gap-3 text-sm font-medium">
        <ConferenceScheduleLink className="rounded-lg bg-zinc-900 px-4 py-2 text-white dark:bg-zinc-100 dark:text-zinc-900">
          See the schedule
        </ConferenceScheduleLink>
        <Link href={href.home()} className="rounded-lg border border-zinc-300 px-4 py-2 dark:border-zinc-700">
          Go to the conferences
        </Link>
      </p>
    </div>
  );
}
