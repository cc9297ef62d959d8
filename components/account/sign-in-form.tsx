"use client";

import { useActionState } from "react";
import type { AccountAction, AccountFormState } from "./form-state";
import { Field, FormMessage, SubmitButton } from "./form-controls";

export function SignInForm({ next, action: signIn }: { next: string; action: AccountAction }) {
  const [state, action] = useActionState<AccountFormState, FormData>(signIn, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="next" value={next} />
      <FormMessage message={state.message} />
      <Field label="Email" name="email" type="email" autoComplete="email" defaultValue={state.values?.email} error={state.errors?.email} />
      <Field label="Password" name="password" type="password" autoComplete="current-password" error={state.errors?.password} />
      <SubmitButton>Sign in</SubmitButton>
    </form>
  );
}
