import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/viewer";
import { listConferences } from "@/lib/schedule/conference";
import { ChangeNameForm, ChangePasswordForm, DeleteAccountForm } from "@/components/account/account-forms";
import { SignOutButton } from "@/components/account/sign-out-button";
import { changeName, changePassword, deleteAccount, signOut } from "../actions";
import { href } from "@/lib/routes";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const viewer = await requireViewer(href.account());
  const conferences = await listConferences();
  const card = "rounded-xl border border-zinc-200 bg-white p-6 dark:border-zinc-800 dark:bg-zinc-900";
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Your account</h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          Signed in as <span className="font-medium text-zinc-900 dark:text-zinc-100">{viewer.name}</span> ({viewer.email})
        </p>
      </div>
      {conferences.length > 0 && (
        <section className={card} aria-labelledby="my-notes">
          <h2 id="my-notes" className="font-semibold">Your notes</h2>
          <ul className="mt-3 space-y-2 text-sm">
            {conferences.map((c) => (
              <li key={c.slug}>
                <Link href={href.notes(c.slug)} className="font-medium text-accent-600 hover:underline dark:text-accent-300">
                  {c.name} →
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <SignOutButton signOut={signOut} />
      <section className={card} aria-labelledby="change-name">
        <h2 id="change-name" className="mb-4 font-semibold">Your name</h2>
        <ChangeNameForm name={viewer.name} action={changeName} />
      </section>
      <section className={card} aria-labelledby="change-password">
        <h2 id="change-password" className="mb-4 font-semibold">Change password</h2>
        <ChangePasswordForm action={changePassword} />
      </section>
      <section className={`${card} border-red-200 dark:border-red-900`} aria-labelledby="delete-account">
        <h2 id="delete-account" className="font-semibold text-red-800 dark:text-red-300">Delete account</h2>
        <p className="mb-4 mt-1 text-sm text-zinc-600 dark:text-zinc-400">Deletes your account and every note you wrote, private and public. This cannot be undone.</p>
        <DeleteAccountForm action={deleteAccount} />
      </section>
    </div>
  );
}
