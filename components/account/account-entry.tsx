import type { ReactNode } from "react";
import Link from "next/link";
import { StarIntentNote } from "./star-intent-note";

/** The frame of the sign-in and sign-up pages: the heading, why a star sent the person here, the form, and the way to the other page. */
export function AccountEntry({
  title,
  intro,
  starringTitle,
  signUp,
  other,
  children,
}: {
  title: string;
  intro: string;
  starringTitle: string | null;
  signUp: boolean;
  other: { question: string; label: string; href: string };
  children: ReactNode;
}) {
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">{title}</h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{intro}</p>
      </div>
      {starringTitle && <StarIntentNote title={starringTitle} signUp={signUp} />}
      <div className="rounded-xl border border-zinc-200 bg-white p-6 dark:border-zinc-800 dark:bg-zinc-900">{children}</div>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {other.question}{" "}
        <Link href={other.href} className="font-semibold text-accent-600 hover:underline dark:text-accent-300">
          {other.label}
        </Link>
      </p>
    </div>
  );
}
