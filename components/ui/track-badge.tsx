type Track = { name: string; color: string };

/** A track's colour dot and name; the colour is decoration, the name carries the meaning. */
export function TrackBadge({ track, className = "" }: { track: Track; className?: string }) {
  return (
    <span className={`inline-flex items-center gap-1.5 text-xs font-medium text-zinc-600 dark:text-zinc-400 ${className}`}>
      <span aria-hidden className="size-2 shrink-0 rounded-full" style={{ backgroundColor: track.color }} />
      {track.name}
    </span>
  );
}
