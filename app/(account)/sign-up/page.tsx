import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getViewer, safeReturnPath } from "@/lib/auth/viewer";
import { SignUpForm } from "@/components/account/sign-up-form";
import { signUp } from "../actions";
import { href } from "@/lib/routes";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: PageProps<"/sign-up">) {
  const next = safeReturnPath((await searchParams).next);
  if (await getViewer()) redirect(next);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Create an account</h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">Your notes are private unless you choose to share them.</p>
      </div>
      <div className="rounded-xl border border-zinc-200 bg-white p-6 dark:border-zinc-800 dark:bg-zinc-900">
        <SignUpForm next={next} action={signUp} />
      </div>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Already have an account?{" "}
        <Link href={href.signIn(next)} className="font-semibold text-accent-600 hover:underline dark:text-accent-300">
          Sign in
        </Link>
      </p>
    </div>
  );
}
