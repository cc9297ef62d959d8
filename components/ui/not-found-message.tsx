import type { ReactNode } from "react";

/** What every 404 says; the links back (children) depend on where it is shown. */
export function NotFoundMessage({ children }: { children: ReactNode }) {
  return (
    <>
      <p className="text-sm font-semibold text-accent-600 dark:text-accent-300">404</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">Not found</h1>
      <p className="mt-3 text-zinc-600 dark:text-zinc-400">
        There is no conference, session or speaker at this address. It may have been renamed, or the link has a typo.
      </p>
      <p className="mt-6 flex flex-wrap justify-center gap-3 text-sm font-medium">{children}</p>
    </>
  );
}
