import Link from "next/link";

export function Pagination({ page, pageCount, hrefFor }: { page: number; pageCount: number; hrefFor: (page: number) => string }) {
  if (pageCount <= 1) return null;
  const link = "rounded-lg border border-zinc-200 px-3 py-2 font-medium hover:bg-zinc-100 dark:border-zinc-800 dark:hover:bg-zinc-900";
  return (
    <nav aria-label="Pages" className="flex items-center justify-between gap-4 text-sm">
      {page > 1 ? <Link href={hrefFor(page - 1)} className={link} rel="prev">← Earlier sessions</Link> : <span />}
      <span className="text-zinc-500 dark:text-zinc-400">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? <Link href={hrefFor(page + 1)} className={link} rel="next">Later sessions →</Link> : <span />}
    </nav>
  );
}
