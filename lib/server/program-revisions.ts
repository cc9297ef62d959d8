/**
 * The program revision of each conference as this process last read it, re-read
 * at most once a second and only while requests come in. The page cache
 * (lib/cache/memory-cache-handler.cjs, which finds it on globalThis) and the
 * micro-cache stamp each entry with the revision of its conference when its render
 * began, and drop it once the revision has moved: an import in any process on the
 * same database shows within about a second (docs/decisions/0014-live-program.md).
 */

export type ProgramRevisions = {
  /** Re-reads the revisions if the last read is older than the interval. */
  poll(): Promise<void>;
  /** Re-reads now: the process that imported knows the revision moved. */
  refresh(): Promise<void>;
  /** A stamp for a cache key or URL path: its conference's revision, "-" when it names none. */
  stampOf(keyOrPath: string): string;
  /**
   * How long ago, in ms, this process first read the current revision of the key's
   * conference: the caches serve a page's previous copy for a short while after a move
   * (lib/cache/page-entries.cjs). Infinity when it has not moved since the first read.
   */
  movedAgo(keyOrPath: string): number;
};

type Read = () => Map<string, number> | Promise<Map<string, number>>;

const globalForRevisions = globalThis as unknown as { hallwayProgramRevisions?: ProgramRevisions };

/** The conference slug a page path, API path or cache key is about ("/dockercon-eu-2017/sessions/x", "/api/conferences/dockercon-eu-2017"). */
export function conferenceOfPath(keyOrPath: string): string | null {
  let path = keyOrPath.replace(/^(?:gz|id) /, "").split(/[?#]/, 1)[0]!;
  // Next.js's own page cache keys: "/route-cache/APP_PAGE/<build hash>/$/<the page's path>".
  const page = path.indexOf("/$/");
  if (page !== -1) path = path.slice(page + 2);
  const segments = path.split("/").filter(Boolean);
  const slug = segments[0] === "api" ? (segments[1] === "conferences" ? segments[2] : undefined) : segments[0];
  return slug && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) ? slug : null;
}

export function createProgramRevisions(read: Read, { intervalMs = 1000, now = Date.now } = {}): ProgramRevisions {
  let revisions = new Map<string, number>();
  let readAt = -Infinity;
  let readOnce = false;
  const movedAt = new Map<string, number>();
  let reading: Promise<void> | null = null;

  const refresh = () => {
    reading ??= (async () => {
      try {
        const at = now();
        readAt = at;
        const next = await read();
        // A revision already there at the first read moved at some unknown time before it: long ago, for the caches.
        if (readOnce) {
          for (const [slug, revision] of next) if (revisions.get(slug) !== revision) movedAt.set(slug, at);
          for (const slug of revisions.keys()) if (!next.has(slug)) movedAt.set(slug, at);
        }
        readOnce = true;
        revisions = next;
      } catch {
        // A failed read keeps the last revisions; the next poll tries again.
      } finally {
        reading = null;
      }
    })();
    return reading;
  };

  return {
    poll: () => (now() - readAt >= intervalMs ? refresh() : (reading ?? Promise.resolve())),
    refresh,
    stampOf(keyOrPath) {
      const slug = conferenceOfPath(keyOrPath);
      if (slug === null) return "-";
      const revision = revisions.get(slug);
      return revision === undefined ? `${slug}:absent` : `${slug}:${revision}`;
    },
    movedAgo(keyOrPath) {
      const slug = conferenceOfPath(keyOrPath);
      const at = slug === null ? undefined : movedAt.get(slug);
      return at === undefined ? Infinity : now() - at;
    },
  };
}

/** Makes `revisions` the process's own, where the page cache handler looks for it. */
export function installProgramRevisions(revisions: ProgramRevisions): ProgramRevisions {
  globalForRevisions.hallwayProgramRevisions = revisions;
  return revisions;
}

/** The process's revisions, when its server installed them (scripts/serve.ts). */
export function installedProgramRevisions(): ProgramRevisions | undefined {
  return globalForRevisions.hallwayProgramRevisions;
}
