"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { href } from "@/lib/routes";

/** A link to the schedule of the conference in the address; for boundaries such as not-found.tsx, which get no params. */
export function ConferenceScheduleLink({ className, children }: { className?: string; children: React.ReactNode }) {
  const conference = usePathname().split("/")[1] ?? "";
  return (
    <Link href={href.schedule(decodeURIComponent(conference))} className={className}>
      {children}
    </Link>
  );
}
