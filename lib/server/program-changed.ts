import { installedProgramRevisions } from "./program-revisions";

/**
 * Called by the process that imported: its caches drop the old program at once,
 * without waiting for their next once-a-second read (other processes do wait for it).
 */
export async function programRevisionMoved(): Promise<void> {
  await installedProgramRevisions()?.refresh();
}
