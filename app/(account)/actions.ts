"use server";

import { APIError } from "better-auth/api";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth/auth";
import { validatedAction, validatedActionWithViewer } from "@/lib/auth/actions";
import { safeReturnPath } from "@/lib/auth/viewer";
import { listPagesShowingPublicNotes } from "@/lib/notes/notes";
import { href } from "@/lib/routes";
import { changeNameSchema, changePasswordSchema, deleteAccountSchema, signInSchema, signUpSchema } from "@/lib/validation/account";
import { submittedValues } from "@/lib/validation/form";
import type { AccountFormState } from "@/components/account/form-state";

function retryMinutes(error: InstanceType<typeof APIError>): number {
  const header = error.headers instanceof Headers ? error.headers.get("retry-after") : null;
  return Math.max(1, Math.ceil(Number(header ?? 60) / 60));
}

/** Signed out, the account forms send the person to sign in and back to the account page. */
const fromAccountPage = <State>(invalid: (errors: AccountFormState["errors"], formData: FormData) => State) => ({ returnTo: href.account(), invalid });

export const signIn = validatedAction(
  signInSchema,
  async (data, formData): Promise<AccountFormState> => {
    const values = submittedValues(formData, "email", "next");
    try {
      await auth.api.signInEmail({ body: { email: data.email, password: data.password }, headers: await headers() });
    } catch (error) {
      if (error instanceof APIError && error.statusCode === 429) {
        return { message: `Too many failed attempts. Try again in ${retryMinutes(error)} minutes.`, values };
      }
      if (error instanceof APIError && error.statusCode < 500) {
        // Never say whether the email has an account.
        return { message: "That email and password don't match an account.", values };
      }
      throw error;
    }
    redirect(safeReturnPath(data.next));
  },
  (errors, formData): AccountFormState => ({ errors, values: submittedValues(formData, "email", "next") }),
);

export const signUp = validatedAction(
  signUpSchema,
  async (data, formData): Promise<AccountFormState> => {
    const values = submittedValues(formData, "name", "email", "next");
    try {
      await auth.api.signUpEmail({ body: { name: data.name, email: data.email, password: data.password }, headers: await headers() });
    } catch (error) {
      if (error instanceof APIError && error.statusCode === 429) return { message: "Too many sign-ups from here just now. Try again in a minute.", values };
      if (error instanceof APIError && error.statusCode < 500) {
        return { errors: { email: "This email can't be used to sign up. If it's yours, sign in instead." }, values };
      }
      throw error;
    }
    redirect(safeReturnPath(data.next));
  },
  (errors, formData): AccountFormState => ({ errors, values: submittedValues(formData, "name", "email", "next") }),
);

export async function signOut(): Promise<void> {
  await auth.api.signOut({ headers: await headers() });
  redirect(href.home());
}

export const changeName = validatedActionWithViewer(
  changeNameSchema,
  async (data, viewer): Promise<AccountFormState> => {
    await auth.api.updateUser({ body: { name: data.name }, headers: await headers() });
    // Public notes carry their author's name on cached session pages.
    for (const page of await listPagesShowingPublicNotes(viewer.id)) revalidatePath(page);
    revalidatePath(href.account());
    return { message: "Name changed. Your public notes show it now.", values: { name: data.name } };
  },
  fromAccountPage((errors, formData): AccountFormState => ({ errors, values: submittedValues(formData, "name") })),
);

export const changePassword = validatedActionWithViewer(
  changePasswordSchema,
  async (data): Promise<AccountFormState> => {
    try {
      // Revoking "other sessions" inside changePassword also replaces this one, signing the person out mid-request.
      await auth.api.changePassword({ body: { ...data, revokeOtherSessions: false }, headers: await headers() });
      await auth.api.revokeOtherSessions({ headers: await headers() });
    } catch (error) {
      if (error instanceof APIError && error.statusCode < 500) return { errors: { currentPassword: "That is not your current password." } };
      throw error;
    }
    return { message: "Password changed. You were signed out everywhere else." };
  },
  fromAccountPage((errors): AccountFormState => ({ errors })),
);

export const deleteAccount = validatedActionWithViewer(
  deleteAccountSchema,
  async (data, viewer): Promise<AccountFormState> => {
    const publicPages = await listPagesShowingPublicNotes(viewer.id);
    try {
      // Notes, sessions and the password go with the user (ON DELETE CASCADE).
      await auth.api.deleteUser({ body: { password: data.password }, headers: await headers() });
    } catch (error) {
      if (error instanceof APIError && error.statusCode < 500) return { errors: { password: "That password is not right; nothing was deleted." } };
      throw error;
    }
    for (const page of publicPages) revalidatePath(page);
    redirect(href.home({ account: "deleted" }));
  },
  fromAccountPage((errors): AccountFormState => ({ errors })),
);
