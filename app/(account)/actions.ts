"use server";

import { APIError } from "better-auth/api";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth/auth";
import { db } from "@/lib/db/client";
import { getViewer, safeReturnPath } from "@/lib/auth/viewer";
import { applyStarIntent, parseStarIntent } from "@/lib/agenda/star-intent";
import {
  changeNameSchema,
  changePasswordSchema,
  deleteAccountSchema,
  fieldErrors,
  signInSchema,
  signUpSchema,
  type FieldErrors,
} from "@/lib/validation/account";

export type FormState = { errors?: FieldErrors; message?: string; values?: Record<string, string> };

const text = (formData: FormData, key: string) => {
  const value = formData.get(key);
  return typeof value === "string" ? value : "";
};

function retryMinutes(error: InstanceType<typeof APIError>): number {
  const header = error.headers instanceof Headers ? error.headers.get("retry-after") : null;
  return Math.max(1, Math.ceil(Number(header ?? 60) / 60));
}

export async function signIn(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = { email: text(formData, "email"), next: text(formData, "next") };
  const parsed = signInSchema.safeParse({ ...values, password: text(formData, "password") });
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  let userId: string;
  try {
    ({ user: { id: userId } } = await auth.api.signInEmail({ body: { email: parsed.data.email, password: parsed.data.password }, headers: await headers() }));
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
  redirect(await afterSignIn(userId, safeReturnPath(parsed.data.next), formData.get("star")));
}

/**
 * Where to go once signed in: back to `next`, or, when the person was starring a
 * session, to my agenda showing the star, set for them. Server actions accept
 * only same-origin posts, and the user id is the one the sign-in just proved.
 */
async function afterSignIn(userId: string, next: string, star: FormDataEntryValue | null): Promise<string> {
  const intent = parseStarIntent(star, next);
  return (intent && (await applyStarIntent(userId, intent, next))) ?? next;
}

export async function signUp(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = { name: text(formData, "name"), email: text(formData, "email"), next: text(formData, "next") };
  const parsed = signUpSchema.safeParse({ ...values, password: text(formData, "password") });
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  let userId: string;
  try {
    ({ user: { id: userId } } = await auth.api.signUpEmail({
      body: { name: parsed.data.name, email: parsed.data.email, password: parsed.data.password },
      headers: await headers(),
    }));
  } catch (error) {
    if (error instanceof APIError && error.statusCode === 429) return { message: "Too many sign-ups from here just now. Try again in a minute.", values };
    if (error instanceof APIError && error.statusCode < 500) {
      return { errors: { email: "This email can't be used to sign up. If it's yours, sign in instead." }, values };
    }
    throw error;
  }
  redirect(await afterSignIn(userId, safeReturnPath(parsed.data.next), formData.get("star")));
}

export async function signOut(): Promise<void> {
  await auth.api.signOut({ headers: await headers() });
  redirect("/");
}

export async function changeName(_previous: FormState, formData: FormData): Promise<FormState> {
  const viewer = await getViewer();
  if (!viewer) redirect("/sign-in?next=/account");
  const values = { name: text(formData, "name") };
  const parsed = changeNameSchema.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  await auth.api.updateUser({ body: { name: parsed.data.name }, headers: await headers() });
  // Public notes carry their author's name on cached session pages.
  for (const page of await pagesShowingPublicNotesOf(viewer.id)) revalidatePath(page);
  revalidatePath("/account");
  return { message: "Name changed. Your public notes show it now.", values: { name: parsed.data.name } };
}

export async function changePassword(_previous: FormState, formData: FormData): Promise<FormState> {
  if (!(await getViewer())) redirect("/sign-in?next=/account");
  const parsed = changePasswordSchema.safeParse({ currentPassword: text(formData, "currentPassword"), newPassword: text(formData, "newPassword") });
  if (!parsed.success) return { errors: fieldErrors(parsed.error) };
  try {
    // Revoking "other sessions" inside changePassword also replaces this one, signing the person out mid-request.
    await auth.api.changePassword({ body: { ...parsed.data, revokeOtherSessions: false }, headers: await headers() });
    await auth.api.revokeOtherSessions({ headers: await headers() });
  } catch (error) {
    if (error instanceof APIError && error.statusCode < 500) return { errors: { currentPassword: "That is not your current password." } };
    throw error;
  }
  return { message: "Password changed. You were signed out everywhere else." };
}

export async function deleteAccount(_previous: FormState, formData: FormData): Promise<FormState> {
  const viewer = await getViewer();
  if (!viewer) redirect("/sign-in?next=/account");
  const parsed = deleteAccountSchema.safeParse({ password: text(formData, "password"), confirm: formData.get("confirm") ?? undefined });
  if (!parsed.success) return { errors: fieldErrors(parsed.error) };
  const publicPages = await pagesShowingPublicNotesOf(viewer.id);
  try {
    // Notes, sessions and the password go with the user (ON DELETE CASCADE).
    await auth.api.deleteUser({ body: { password: parsed.data.password }, headers: await headers() });
  } catch (error) {
    if (error instanceof APIError && error.statusCode < 500) return { errors: { password: "That password is not right; nothing was deleted." } };
    throw error;
  }
  for (const page of publicPages) revalidatePath(page);
  redirect("/?account=deleted");
}

/** Cached session pages that show this user's public notes, to refresh once they are gone. */
async function pagesShowingPublicNotesOf(userId: string): Promise<string[]> {
  const notes = await db.note.findMany({
    where: { userId, visibility: "public" },
    select: { session: { select: { slug: true, conference: { select: { slug: true } } } } },
  });
  return notes.map((n) => `/${n.session.conference.slug}/sessions/${n.session.slug}`);
}
