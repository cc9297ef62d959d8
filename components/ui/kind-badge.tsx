const labels: Record<string, string> = {
  keynote: "Keynote",
  workshop: "Workshop",
  lightning: "Lightning talk",
  panel: "Panel",
  break: "Break",
};

/** Names the session's format when it is not a plain talk. */
export function KindBadge({ kind }: { kind: string }) {
  const label = labels[kind];
  if (!label) return null;
  return (
    <span className="rounded-full bg-zinc-100 px-2 py-0.5 text-[11px] font-semibold uppercase tracking-wide text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">
      {label}
    </span>
  );
}

export function CancelledBadge() {
  return (
    <span className="rounded-full bg-red-50 px-2 py-0.5 text-[11px] font-semibold uppercase tracking-wide text-red-700 dark:bg-red-950 dark:text-red-300">
      Cancelled
    </span>
  );
}
