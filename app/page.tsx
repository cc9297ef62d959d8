import Link from "next/link";
import { redirect } from "next/navigation";
import { listConferences } from "@/lib/schedule/conference";
import { formatDateSpan } from "@/lib/time";
import { EmptyState } from "@/components/ui/notice";
import { href } from "@/lib/routes";

// The list of conferences changes with every import; reading it is one small query.
export const dynamic = "force-dynamic";

export default async function HomePage() {
  const conferences = await listConferences();
  if (conferences.length === 1) redirect(href.schedule(conferences[0]!.slug));
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-12 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Conferences</h1>
      {conferences.length === 0 ? (
        <div className="mt-8">
          <EmptyState title="No conference loaded yet">
            Load the demo with <code>npm run db -- seed</code>, or import a program with <code>npm run import -- &lt;file&gt;</code>.
          </EmptyState>
        </div>
      ) : (
        <ul className="mt-8 space-y-3">
          {conferences.map((c) => (
            <li key={c.slug}>
              <Link href={href.schedule(c.slug)} className="block rounded-xl border border-zinc-200 bg-white p-5 hover:border-zinc-300 hover:shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
                <span className="block text-lg font-semibold">{c.name}</span>
                <span className="mt-1 block text-sm text-zinc-600 dark:text-zinc-400">
                  {formatDateSpan(c.startDate, c.endDate)}
                  {c.city && ` · ${c.city}`}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
