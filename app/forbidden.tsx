import Link from "next/link";
import { href } from "@/lib/routes";

/** What forbidden() renders, with status 403: signed in, but not allowed here. */
export default function Forbidden() {
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-16 text-center">
      <p className="text-sm font-semibold text-accent-600 dark:text-accent-300">403</p>
      <h1 className="mt-2 text-2xl font-bold tracking-tight">Not for this account</h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        This page is for the organisers of this Hallway. If you run a conference here, ask an organiser to add your account.
      </p>
      <p className="mt-6 text-sm">
        <Link href={href.home()} className="font-semibold text-accent-600 hover:underline dark:text-accent-300">
          Back to the conferences
        </Link>
      </p>
    </main>
  );
}
