import type { Db } from "../db/client";
import { followDueSources, followerName, type FollowOptions } from "./follow-sources";

export type Follower = { owner: string; stop: () => Promise<void> };

/**
 * Looks for due sources every `tickMs` in this process. Ticks never overlap: a
 * slow fetch delays the next tick rather than starting a second one. Several
 * processes may each run one; the lease in the database keeps them from
 * fetching the same source twice.
 */
export function startFollowing(db: Db, { tickMs = 30_000, ...options }: Partial<FollowOptions> & { tickMs?: number } = {}): Follower {
  const owner = options.owner ?? followerName();
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;

  const tick = () => {
    running = followDueSources(db, { ...options, owner })
      .then((outcomes) => {
        for (const o of outcomes) {
          if (o.status !== "unchanged") console.log(`Followed ${o.url} for ${o.conference}: ${o.status}${o.error ? ` (${o.error})` : ""}`);
        }
      })
      .catch((error: unknown) => console.error("Following schedule URLs failed:", error))
      .finally(() => {
        // unref: a follower alone never keeps the process alive.
        if (!stopped) timer = setTimeout(tick, tickMs).unref();
      });
  };
  timer = setTimeout(tick, Math.min(tickMs, 1_000)).unref();

  return {
    owner,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
