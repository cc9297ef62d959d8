"use client";

import { useActionState } from "react";
import { Field, FormMessage, SubmitButton } from "@/components/ui/form-controls";
import type { Action, ApplyState, PreviewState } from "./action-states";
import { ChangeSetPreview } from "./change-set-preview";

const input =
  "block w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-base aria-invalid:border-red-500 dark:border-zinc-700 dark:bg-zinc-900";

/** Upload a file or give a URL; see what it would change; then apply exactly that. */
export function ImportPanel({
  conferences,
  preview,
  apply,
}: {
  conferences: { slug: string; name: string }[];
  preview: Action<PreviewState>;
  apply: Action<ApplyState>;
}) {
  const [previewState, previewAction] = useActionState(preview, {});
  const [applyState, applyAction] = useActionState(apply, {});
  const pending = previewState.preview && previewState.preview.pendingId !== applyState.appliedId ? previewState.preview : null;

  const target = (id: string, from: "file" | "url") => (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium">
        Into
      </label>
      <select id={id} name="conferenceSlug" defaultValue={previewState.values?.from === from ? previewState.values.conferenceSlug ?? "" : ""} className={input}>
        <option value="">The conference the file names</option>
        {conferences.map((c) => (
          <option key={c.slug} value={c.slug}>
            {c.name} ({c.slug})
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <div className="space-y-6">
      <div className="grid gap-6 md:grid-cols-2">
        <form action={previewAction} className="space-y-4" noValidate aria-label="Preview a file">
          <input type="hidden" name="from" value="file" />
          <Field
            label="Schedule file"
            name="file"
            id="import-file"
            type="file"
            required={false}
            accept=".json,.xml,application/json,application/xml,text/xml"
            error={previewState.errors?.file}
            hint="frab/pretalx/c3voc schedule.json or Pentabarf schedule.xml, up to 20 MB."
            inputClassName="file:mr-3 file:rounded-md file:border-0 file:bg-zinc-100 file:px-3 file:py-1 file:text-sm dark:file:bg-zinc-800 dark:file:text-zinc-100"
          />
          {target("import-file-into", "file")}
          <SubmitButton>Preview the file</SubmitButton>
        </form>
        <form action={previewAction} className="space-y-4" noValidate aria-label="Preview a URL">
          <input type="hidden" name="from" value="url" />
          <Field
            label="Schedule URL"
            name="url"
            id="import-url"
            type="url"
            inputMode="url"
            required={false}
            placeholder="https://pretalx.example/conf/schedule/export/schedule.json"
            defaultValue={previewState.values?.url ?? ""}
            error={previewState.errors?.url}
          />
          {target("import-url-into", "url")}
          <SubmitButton>Preview the URL</SubmitButton>
        </form>
      </div>

      <FormMessage message={applyState.message} tone={applyState.tone ?? "error"} />

      {pending && (
        <div className="rounded-xl border border-zinc-200 p-4 dark:border-zinc-800" aria-live="polite">
          <ChangeSetPreview preview={pending} />
          <form action={applyAction} className="mt-4 sm:max-w-xs">
            <input type="hidden" name="pendingId" value={pending.pendingId} />
            <SubmitButton>Apply these changes</SubmitButton>
          </form>
        </div>
      )}
    </div>
  );
}
