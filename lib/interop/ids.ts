import { createHash } from "node:crypto";

/**
 * Identifiers the exchange formats need and Hallway does not store: integer ids,
 * UUIDs for rooms and people, slugs for what arrives without one. Each is derived
 * from something stable, so exporting the same data twice gives the same file.
 */

// Hallway's own namespace for name-based (version 5) UUIDs; never change it.
const namespace = Buffer.from("3f0c1c0e9b6a4d6f8a51c7e2d4b7a915", "hex");

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}

/** A version 5 UUID of `name` in Hallway's namespace: the same name always gives the same UUID. */
export function nameBasedUuid(name: string): string {
  const bytes = createHash("sha1").update(namespace).update(name, "utf8").digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const maxId = 0x7fffffff;

/**
 * A positive 31-bit integer per key, from a hash of the key (31 bits, because
 * the apps that read these files keep ids in a 32-bit int). Keys are taken in
 * sorted order and a collision moves to the next free number, so the result
 * depends only on the set of keys.
 */
export function stableIds(keys: Iterable<string>): Map<string, number> {
  const ids = new Map<string, number>();
  const used = new Set<number>();
  for (const key of [...new Set(keys)].sort()) {
    let id = (createHash("sha256").update(key, "utf8").digest().readUInt32BE(0) & maxId) || 1;
    while (used.has(id)) id = (id % maxId) + 1;
    used.add(id);
    ids.set(key, id);
  }
  return ids;
}

const foldings: Record<string, string> = { ß: "ss", æ: "ae", ø: "o", œ: "oe", đ: "d", ð: "d", ł: "l", þ: "th", ı: "i" };

/** "Zoë's Café: Part 2" → "zoes-cafe-part-2"; "" when nothing Latin is left. */
export function slugify(text: string, maxLength = 80): string {
  const words = text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[ßæøœđðłþı]/g, (c) => foldings[c] ?? c)
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (words.length <= maxLength) return words;
  const cut = words.slice(0, maxLength);
  const lastHyphen = cut.lastIndexOf("-");
  return (lastHyphen > maxLength / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, "");
}

/** `base`, or `base-2`, `base-3`… whichever is not yet taken; records the one returned. */
export function uniqueSlug(base: string, taken: Set<string>): string {
  let slug = base;
  for (let n = 2; taken.has(slug); n += 1) slug = `${base}-${n}`;
  taken.add(slug);
  return slug;
}

export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
