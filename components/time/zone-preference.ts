import { browserMayBeSignedIn, forgetSignedInHint } from "@/components/account/signed-in-hint";
import { canonicalTimeZone } from "@/lib/time";
import { href } from "@/lib/routes";

/**
 * The zone this browser shows times in: an IANA zone, or null for each
 * conference's own. Kept in localStorage for everyone and, when signed in, with
 * the account (PUT /api/me/time-zone). The account's choice wins, except over a
 * choice made here while signed out, which is carried into the account instead.
 */

type Stored = { zone: string | null; synced: boolean };

const storageKey = "hallway:time-zone";
const pulledKey = "hallway:time-zone-pulled";
/** How often a tab asks the account, so a choice made on another device (or a sign-in) shows up. */
const pullEveryMs = 5 * 60_000;

let stored: Stored | undefined;
const listeners = new Set<() => void>();

function read(): Stored {
  try {
    const value = JSON.parse(localStorage.getItem(storageKey) ?? "null") as Partial<Stored> | null;
    return { zone: typeof value?.zone === "string" ? canonicalTimeZone(value.zone) : null, synced: value?.synced !== false };
  } catch {
    return { zone: null, synced: true };
  }
}

function write(next: Stored) {
  stored = next;
  try {
    localStorage.setItem(storageKey, JSON.stringify(next));
  } catch {
    // Storage refused (private mode): the choice lasts as long as the page.
  }
  for (const listener of listeners) listener();
}

export function getZoneChoice(): string | null {
  stored ??= read();
  return stored.zone;
}

/** Pages are rendered in the conference's zone. */
export const getServerZoneChoice = (): string | null => null;

export function subscribeZoneChoice(listener: () => void) {
  const onStorage = (event: StorageEvent) => {
    if (event.key !== storageKey) return;
    stored = read();
    listener();
  };
  listeners.add(listener);
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

let deviceZone: string | null | undefined;

/** This device's zone, as the browser reports it. */
export function browserZone(): string | null {
  deviceZone ??= canonicalTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone ?? "");
  return deviceZone;
}

/** The person chose: keep it here at once, and with the account when signed in. */
export function chooseZone(zone: string | null) {
  write({ zone, synced: false });
  void push(zone);
}

async function push(zone: string | null) {
  // Signed out: it stays unsynced, and the first pull after signing in sends it.
  if (!browserMayBeSignedIn()) return;
  try {
    const response = await fetch(href.api.timeZone(), {
      method: "PUT",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ timeZone: zone }),
    });
    if (response.status === 401) forgetSignedInHint();
    if (response.ok && getZoneChoice() === zone) write({ zone, synced: true });
  } catch {
    // Offline or signed out: it stays unsynced, and the next pull sends it.
  }
}

/** Now and then, takes the account's choice, or gives it the one made here while signed out. */
export async function pullZoneChoice() {
  // Asked before the clock below starts, so that a sign-in is followed by a pull at once.
  if (!browserMayBeSignedIn()) return;
  try {
    if (Date.now() - Number(sessionStorage.getItem(pulledKey)) < pullEveryMs) return;
    sessionStorage.setItem(pulledKey, String(Date.now()));
  } catch {
    return;
  }
  let response: Response;
  try {
    response = await fetch(href.api.timeZone(), { credentials: "same-origin", cache: "no-store" });
  } catch {
    return;
  }
  if (response.status === 401) forgetSignedInHint();
  if (!response.ok) return;
  const { timeZone } = (await response.json()) as { timeZone: string | null };
  stored ??= read();
  if (!stored.synced) return push(stored.zone);
  const zone = timeZone ? canonicalTimeZone(timeZone) : null;
  if (zone !== stored.zone) write({ zone, synced: true });
}
