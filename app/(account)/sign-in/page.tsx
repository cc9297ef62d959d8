import type { Metadata } from "next";
import { readSignInEntry } from "@/lib/agenda/star-intent";
import { AccountEntry } from "@/components/account/account-entry";
import { SignInForm } from "@/components/account/sign-in-form";
import { signIn } from "../actions";
import { href } from "@/lib/routes";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const { next, star, starring } = await readSignInEntry(await searchParams);
  return (
    <AccountEntry
      title="Sign in"
      intro="Keep your own notes on the sessions you attend."
      starringTitle={starring?.title ?? null}
      signUp={false}
      other={{ question: "New here?", label: "Create an account", href: href.signUp(next, star) }}
    >
      <SignInForm next={next} star={star} action={signIn} />
    </AccountEntry>
  );
}
