import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getViewer, safeReturnPath } from "@/lib/auth/viewer";
import { SignInForm } from "@/components/account/sign-in-form";
import { signIn } from "../actions";
import { href } from "@/lib/routes";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const next = safeReturnPath((await searchParams).next);
  if (await getViewer()) redirect(next);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Sign in</h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">Keep your own notes on the sessions you attend.</p>
      </div>
      <div className="rounded-xl border border-zinc-200 bg-white p-6 dark:border-zinc-800 dark:bg-zinc-900">
        <SignInForm next={next} action={signIn} />
      </div>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        New here?{" "}
        <Link href={href.signUp(next)} className="font-semibold text-accent-600 hover:underline dark:text-accent-300">
          Create an account
        </Link>
      </p>
    </div>
  );
}
