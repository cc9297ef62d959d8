import Link from "next/link";

export function EmptyState({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <div className="rounded-xl border border-dashed border-zinc-300 px-6 py-12 text-center dark:border-zinc-700">
      <p className="text-base font-semibold">{title}</p>
      {children && <div className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{children}</div>}
    </div>
  );
}

export function ErrorNotice({ title, message, backHref, backLabel }: { title: string; message: string; backHref?: string; backLabel?: string }) {
  return (
    <div role="alert" className="rounded-xl border border-amber-300 bg-amber-50 px-5 py-4 text-amber-950 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100">
      <p className="font-semibold">{title}</p>
      <p className="mt-1 text-sm">{message}</p>
      {backHref && (
        <p className="mt-3 text-sm">
          <Link href={backHref} className="font-medium underline underline-offset-2">
            {backLabel ?? "Back"}
          </Link>
        </p>
      )}
    </div>
  );
}
