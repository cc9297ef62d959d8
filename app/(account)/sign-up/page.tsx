import type { Metadata } from "next";
import { readSignInEntry } from "@/lib/agenda/star-intent";
import { AccountEntry } from "@/components/account/account-entry";
import { SignUpForm } from "@/components/account/sign-up-form";
import { signUp } from "../actions";
import { href } from "@/lib/routes";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: PageProps<"/sign-up">) {
  const { next, star, starring } = await readSignInEntry(await searchParams);
  return (
    <AccountEntry
      title="Create an account"
      intro="Your notes are private unless you choose to share them."
      starringTitle={starring?.title ?? null}
      signUp={true}
      other={{ question: "Already have an account?", label: "Sign in", href: href.signIn(next, star) }}
    >
      <SignUpForm next={next} star={star} action={signUp} />
    </AccountEntry>
  );
}
