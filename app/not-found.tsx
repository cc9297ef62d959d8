import Link from "next/link";
import { href } from "@/lib/routes";

export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-20 text-center sm:px-6">
      <p className="text-sm font-semibold text-accent-600 dark:text-accent-300">404</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">Not found</h1>
      <p className="mt-3 text-zinc-600 dark:text-zinc-400">
        There is no conference, session or speaker at this address. It may have been renamed, or the link has a typo.
      </p>
      <p className="mt-6">
        <Link href={href.home()} className="rounded-lg bg-zinc-900 px-4 py-2 text-sm font-medium text-white dark:bg-zinc-100 dark:text-zinc-900">
          Go to the conferences
        </Link>
      </p>
    </main>
  );
}
