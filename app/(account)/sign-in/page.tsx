import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getViewer, safeReturnPath } from "@/lib/auth/viewer";
import { findStarIntentSession, parseStarIntent } from "@/lib/agenda/star-intent";
import { StarIntentNote } from "@/components/account/star-intent-note";
import { SignInForm } from "@/components/account/sign-in-form";
import { signIn } from "../actions";
import { href } from "@/lib/routes";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const query = await searchParams;
  const next = safeReturnPath(query.next);
  if (await getViewer()) redirect(next);
  // Sent here by a star: say so, and star it once signed in. An unknown session is simply not mentioned.
  const intent = parseStarIntent(query.star, next);
  const starring = intent ? await findStarIntentSession(intent) : null;
  const star = starring ? starring.slug : null;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Sign in</h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">Keep your own notes on the sessions you attend.</p>
      </div>
      {starring && <StarIntentNote title={starring.title} signUp={false} />}
      <div className="rounded-xl border border-zinc-200 bg-white p-6 dark:border-zinc-800 dark:bg-zinc-900">
        <SignInForm next={next} star={star} action={signIn} />
      </div>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        New here?{" "}
        <Link href={href.signUp(next, star)} className="font-semibold text-accent-600 hover:underline dark:text-accent-300">
          Create an account
        </Link>
      </p>
    </div>
  );
}
