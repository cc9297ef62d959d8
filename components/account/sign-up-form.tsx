"use client";

import { useActionState } from "react";
import type { AccountAction, AccountFormState } from "./form-state";
import { minPasswordLength } from "@/lib/auth/limits";
import { Field, FormMessage, SubmitButton } from "@/components/ui/form-controls";

export function SignUpForm({ next, star = null, action: signUp }: {
  next: string;
  /** A session to star once signed in (lib/agenda/star-intent.ts). */
  star?: string | null;
  action: AccountAction;
}) {
  const [state, action] = useActionState<AccountFormState, FormData>(signUp, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="next" value={next} />
      {star && <input type="hidden" name="star" value={star} />}
      <FormMessage message={state.message} />
      <Field label="Name" name="name" autoComplete="name" defaultValue={state.values?.name} error={state.errors?.name} hint="Shown beside the notes you make public." />
      <Field label="Email" name="email" type="email" autoComplete="email" defaultValue={state.values?.email} error={state.errors?.email} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        error={state.errors?.password}
        hint={`At least ${minPasswordLength} characters. A phrase of a few words is easy to remember and hard to guess.`}
      />
      <SubmitButton>Create account</SubmitButton>
    </form>
  );
}
