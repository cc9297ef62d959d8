import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { listApiTokens } from "@/lib/organisers/api-tokens";
import { requireViewer } from "@/lib/auth/viewer";
import { listManagedConferences } from "@/lib/manage/overview";
import { href } from "@/lib/routes";
import { isOrganiser } from "@/lib/manage/organiser";
import { ApiTokens } from "@/components/manage/api-tokens";
import { ConferenceStatus } from "@/components/manage/conference-status";
import { formatInstantUtc } from "@/components/manage/format";
import { ImportPanel } from "@/components/manage/import-panel";
import { applyImport, createToken, followUrl, previewImport, revokeToken, unfollowUrl } from "./actions";

export const metadata: Metadata = { title: "Manage", robots: { index: false } };

const card = "rounded-xl border border-zinc-200 bg-white p-4 sm:p-6 dark:border-zinc-800 dark:bg-zinc-900";

export default async function ManagePage() {
  const viewer = await requireViewer(href.manage());
  if (!(await isOrganiser(viewer))) forbidden();
  const [conferences, tokens] = await Promise.all([listManagedConferences(viewer), listApiTokens(viewer)]);
  const when = (instant: Date | null | undefined) => (instant ? formatInstantUtc(instant) : null);
  return (
    <main id="main" className="mx-auto max-w-5xl space-y-10 px-4 py-8 sm:px-6 sm:py-12">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Manage</h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">Import programs, follow their published URLs and hand out API tokens. Times here are in UTC.</p>
      </div>

      <section aria-labelledby="import" className={card}>
        <h2 id="import" className="mb-4 text-lg font-semibold">Import a program</h2>
        <ImportPanel conferences={conferences.map(({ slug, name }) => ({ slug, name }))} preview={previewImport} apply={applyImport} />
      </section>

      <section aria-labelledby="conferences" className="space-y-4">
        <h2 id="conferences" className="text-lg font-semibold">Conferences</h2>
        {conferences.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">No conference yet: import a program above.</p>
        ) : (
          conferences.map((c) => <ConferenceStatus key={c.slug} conference={c} follow={followUrl} unfollow={unfollowUrl} />)
        )}
      </section>

      <section aria-labelledby="tokens" className={card}>
        <h2 id="tokens" className="text-lg font-semibold">API tokens</h2>
        <p className="mb-4 mt-1 text-sm text-zinc-600 dark:text-zinc-400">For a CI job or a webhook that pushes the program. Stored hashed; revoking one refuses it at once.</p>
        <ApiTokens
          tokens={tokens.map((t) => ({ id: t.id, name: t.name, created: when(t.createdAt)!, lastUsed: when(t.lastUsedAt), revoked: when(t.revokedAt) }))}
          create={createToken}
          revoke={revokeToken}
        />
      </section>
    </main>
  );
}
