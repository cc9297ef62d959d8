import Link from "next/link";
import { ConferenceScheduleLink } from "@/components/conference/conference-link";
import { NotFoundMessage } from "@/components/ui/not-found-message";
import { href } from "@/lib/routes";

// An unknown session, speaker or page inside a known conference: shown under its header and navigation (app/[conf]/layout.tsx).
// An unknown conference has no header to keep and gets app/not-found.tsx.
export default function ConferenceNotFound() {
  return (
    <div className="mx-auto max-w-xl py-8 text-center">
      <NotFoundMessage>
        <ConferenceScheduleLink className="rounded-lg bg-zinc-900 px-4 py-2 text-white dark:bg-zinc-100 dark:text-zinc-900">
          See the schedule
        </ConferenceScheduleLink>
        <Link href={href.home()} className="rounded-lg border border-zinc-300 px-4 py-2 dark:border-zinc-700">
          Go to the conferences
        </Link>
      </NotFoundMessage>
    </div>
  );
}
