"use client";

import { useActionState } from "react";
import type { AccountAction, AccountFormState } from "./form-state";
import { minPasswordLength } from "@/lib/auth/limits";
import { Field, FormMessage, SubmitButton } from "@/components/ui/form-controls";

export function ChangeNameForm({ name, action: changeName }: { name: string; action: AccountAction }) {
  const [state, action] = useActionState<AccountFormState, FormData>(changeName, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage message={state.message} tone="success" />
      <Field label="Display name" name="name" autoComplete="name" defaultValue={state.values?.name ?? name} error={state.errors?.name} hint="Shown with your public notes." />
      <SubmitButton>Save name</SubmitButton>
    </form>
  );
}

export function ChangePasswordForm({ action: changePassword }: { action: AccountAction }) {
  const [state, action] = useActionState<AccountFormState, FormData>(changePassword, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage message={state.message} tone="success" />
      <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" error={state.errors?.currentPassword} />
      <Field label="New password" name="newPassword" type="password" autoComplete="new-password" error={state.errors?.newPassword} hint={`At least ${minPasswordLength} characters.`} />
      <SubmitButton>Change password</SubmitButton>
    </form>
  );
}

export function DeleteAccountForm({ action: deleteAccount }: { action: AccountAction }) {
  const [state, action] = useActionState<AccountFormState, FormData>(deleteAccount, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <Field label="Password" name="password" type="password" autoComplete="current-password" error={state.errors?.password} />
      <div className="space-y-1.5">
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="confirm" className="mt-0.5 size-4" aria-invalid={state.errors?.confirm ? true : undefined} aria-describedby={state.errors?.confirm ? "confirm-error" : undefined} />
          <span>I understand that my account and all my notes will be deleted for good.</span>
        </label>
        {state.errors?.confirm && (
          <p id="confirm-error" className="text-sm text-red-700 dark:text-red-400">
            {state.errors.confirm}
          </p>
        )}
      </div>
      <SubmitButton tone="danger">Delete my account and notes</SubmitButton>
    </form>
  );
}
