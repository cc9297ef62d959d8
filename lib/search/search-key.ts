import { searchTextSchema } from "../validation/params";

/**
 * What a signed-out visitor searched for, as one path segment (base64url of its
 * UTF-8), so that each query is a page the proxy can send to the cache: the same
 * words typed by a hundred people between two talks are searched once. Signed-in
 * people are never sent there, since their own private notes count in their results.
 */
export function encodeSearchKey(q: string): string {
  const bytes = new TextEncoder().encode(q);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The search text a key names, or null; as with view keys, only the canonical spelling is accepted. */
export function decodeSearchKey(key: string): string | null {
  if (!/^[A-Za-z0-9_-]+$/.test(key)) return null;
  let q: string;
  try {
    const binary = atob(key.replace(/-/g, "+").replace(/_/g, "/"));
    q = new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
  const parsed = searchTextSchema.safeParse(q);
  if (!parsed.success || !parsed.data || parsed.data !== q) return null;
  return encodeSearchKey(q) === key ? q : null;
}
