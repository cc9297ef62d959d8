"use client";

import { useActionState } from "react";
import type { AccountAction, AccountFormState } from "./form-state";
import { Field, FormMessage, SubmitButton } from "@/components/ui/form-controls";

export function SignInForm({ next, star = null, action: signIn }: {
  next: string;
  /** A session to star once signed in (lib/agenda/star-intent.ts). */
  star?: string | null;
  action: AccountAction;
}) {
  const [state, action] = useActionState<AccountFormState, FormData>(signIn, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="next" value={next} />
      {star && <input type="hidden" name="star" value={star} />}
      <FormMessage message={state.message} />
      <Field label="Email" name="email" type="email" autoComplete="email" defaultValue={state.values?.email} error={state.errors?.email} />
      <Field label="Password" name="password" type="password" autoComplete="current-password" error={state.errors?.password} />
      <SubmitButton>Sign in</SubmitButton>
    </form>
  );
}
