import { browserMayBeSignedIn, forgetSignedInHint } from "@/components/account/signed-in-hint";
import { href } from "@/lib/routes";

/**
 * My stars at one conference, shared by every star button on a page: the first
 * button to mount loads them (one request per page, not one per card), a click
 * changes them at once, and a change the server refuses is put back.
 */

export type StarsState = {
  /** unknown: not loaded (yet), so the buttons stay plain forms. */
  status: "unknown" | "signed-out" | "ready";
  starred: ReadonlySet<string>;
  /** The session whose last change did not reach the server. */
  failed: string | null;
};

const initial: StarsState = { status: "unknown", starred: new Set(), failed: null };
/** A page's buttons mount together; a new page mounting soon after reuses what was just loaded. */
const reuseForMs = 2_000;

let state = initial;
let loaded = { conference: "", at: 0 };
let mounted = 0;
/** What the server holds, as far as we know. */
const saved = new Set<string>();
const sending = new Set<string>();
const listeners = new Set<() => void>();

function update(change: Partial<StarsState>) {
  state = { ...state, ...change };
  for (const listener of listeners) listener();
}

export const getStars = () => state;
export const getServerStars = () => initial;

export function subscribeStars(listener: () => void) {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** Each button calls this as it mounts; the returned function as it unmounts. */
export function retainStars(conference: string): () => void {
  if (mounted++ === 0 && (conference !== loaded.conference || Date.now() - loaded.at > reuseForMs)) void load(conference);
  return () => void mounted--;
}

async function load(conference: string) {
  if (conference !== loaded.conference) update(initial);
  loaded = { conference, at: Date.now() };
  // Never signed in here (or signed out since): nothing to ask.
  if (!browserMayBeSignedIn()) return update({ status: "signed-out", starred: new Set() });
  let response: Response;
  try {
    response = await fetch(href.api.stars(conference), { credentials: "same-origin", cache: "no-store" });
  } catch {
    return; // Offline: the plain forms still work once the connection is back.
  }
  if (response.status === 401) {
    forgetSignedInHint();
    return update({ status: "signed-out", starred: new Set() });
  }
  if (!response.ok) return;
  const { sessions } = (await response.json()) as { sessions: string[] };
  saved.clear();
  for (const slug of sessions) saved.add(slug);
  const starred = new Set(sessions);
  // A click still on its way wins over what the server said before it arrived.
  for (const slug of sending) if (state.starred.has(slug)) starred.add(slug);
  else starred.delete(slug);
  update({ status: "ready", starred, failed: null });
}

export function toggleStar(conference: string, slug: string) {
  const starred = new Set(state.starred);
  if (!starred.delete(slug)) starred.add(slug);
  update({ starred, failed: null });
  void send(conference, slug);
}

/** Sends one request at a time per session until the server holds what the button shows. */
async function send(conference: string, slug: string) {
  if (sending.has(slug)) return;
  sending.add(slug);
  try {
    while (state.starred.has(slug) !== saved.has(slug)) {
      const want = state.starred.has(slug);
      let response: Response | null = null;
      try {
        response = await fetch(href.api.star(conference, slug), {
          method: want ? "PUT" : "DELETE",
          credentials: "same-origin",
        });
      } catch {
        // Offline: put it back below.
      }
      if (response?.status !== 204) {
        const starred = new Set(state.starred);
        if (saved.has(slug)) starred.add(slug);
        else starred.delete(slug);
        return update({ starred, failed: slug, ...(response?.status === 401 ? { status: "signed-out" as const } : {}) });
      }
      if (want) saved.add(slug);
      else saved.delete(slug);
    }
  } finally {
    sending.delete(slug);
  }
}
