"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** A link to a section of the conference in the address; for boundaries such as not-found.tsx, which get no params. */
export function ConferenceLink({ section, className, children }: { section: string; className?: string; children: React.ReactNode }) {
  const conference = usePathname().split("/")[1] ?? "";
  return (
    <Link href={`/${conference}/${section}`} className={className}>
      {children}
    </Link>
  );
}
