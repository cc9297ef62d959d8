"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** A conference section tab that marks itself current; the pages stay cacheable because only this reads the path. */
export function SectionLink({ href, children }: { href: string; children: React.ReactNode }) {
  const pathname = usePathname();
  const current = pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className={`inline-block border-b-2 pb-3 ${
        current
          ? "border-accent-600 text-zinc-900 dark:border-accent-300 dark:text-zinc-100"
          : "border-transparent text-zinc-600 hover:border-zinc-300 hover:text-zinc-900 dark:text-zinc-400 dark:hover:border-zinc-600 dark:hover:text-zinc-100"
      }`}
    >
      {children}
    </Link>
  );
}
