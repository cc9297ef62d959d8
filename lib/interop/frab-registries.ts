import type { Program } from "../program/program-schema";
import type { PathSegment } from "./errors";
import type { FrabPerson } from "./frab-document";
import { toMarkdown } from "./html-to-markdown";
import { slugify, slugPattern, uniqueSlug } from "./ids";

type Fail = (path: PathSegment[], reason: string) => never;

// Colours for tracks a file gives none for, picked by the track's name so a re-import keeps them.
const palette = [
  "#1d63ed", "#0d9488", "#16a34a", "#8b5cf6", "#ca8a04", "#db2777",
  "#c026d3", "#65a30d", "#ea580c", "#0891b2", "#dc2626", "#64748b",
];

function paletteColor(name: string): string {
  let hash = 0x811c9dc5;
  for (const char of name.toLowerCase()) hash = Math.imul(hash ^ char.codePointAt(0)!, 0x01000193) >>> 0;
  return palette[hash % palette.length]!;
}

function color(value: string | null | undefined): string | null {
  const hex = value?.trim().toLowerCase() ?? "";
  if (/^#[0-9a-f]{6}$/.test(hex)) return hex;
  if (/^#[0-9a-f]{3}$/.test(hex)) return `#${[...hex.slice(1)].map((c) => c + c).join("")}`;
  return null;
}

function cleanName(name: string): string {
  return name.replace(/\s+/g, " ").trim();
}

/**
 * Tracks or rooms, met in the conference's list or only on events: one per name
 * (ignoring case), in the order first met, with the file's slug when it is a
 * good one and one made from the name otherwise.
 */
export class NamedThings {
  private readonly byName = new Map<string, { slug: string; name: string; color: string; path: PathSegment[] }>();
  private readonly slugs = new Set<string>();

  constructor(
    private readonly what: "track" | "room",
    private readonly fail: Fail,
  ) {}

  add(rawName: string, path: PathSegment[], given: { slug?: string | null; color?: string | null } = {}): string {
    const name = cleanName(rawName);
    const key = name.toLowerCase();
    const known = this.byName.get(key);
    if (known) return known.slug;
    if (!name) this.fail(path, `has an empty ${this.what} name`);
    const wanted = given.slug?.trim().toLowerCase().replace(/_/g, "-") ?? "";
    const base = slugPattern.test(wanted) && !this.slugs.has(wanted) ? wanted : slugify(name) || this.what;
    const slug = uniqueSlug(base, this.slugs);
    this.byName.set(key, { slug, name, color: color(given.color) ?? paletteColor(name), path });
    return slug;
  }

  list(): { slug: string; name: string; color: string }[] {
    return [...this.byName.values()].map(({ slug, name, color }) => ({ slug, name, color }));
  }

  path(index: number): PathSegment[] | undefined {
    return [...this.byName.values()][index]?.path;
  }
}

type Speaker = Program["speakers"][number] & { guids: Set<string>; ids: Set<string>; path: PathSegment[] };

/**
 * People on events, one speaker each: the same guid, else the same id, else the
 * same name is the same person; two people who share a name but whose guids or
 * ids differ stay two.
 */
export class Speakers {
  private readonly byGuid = new Map<string, Speaker>();
  private readonly byId = new Map<string, Speaker>();
  private readonly byName = new Map<string, Speaker>();
  private readonly all: Speaker[] = [];
  private readonly slugs = new Set<string>();

  constructor(private readonly fail: Fail) {}

  resolve(person: FrabPerson, path: PathSegment[]): string {
    const name = cleanName(person.name || person.public_name || person.full_public_name || "");
    if (!name) return this.fail(path, "has no name (name or public_name)");
    const guid = person.guid?.trim().toLowerCase() || null;
    const id = person.id === null || person.id === undefined || person.id === "" ? null : String(person.id).trim();
    const nameKey = name.toLowerCase();

    let speaker = (guid && this.byGuid.get(guid)) || (id && this.byId.get(id)) || undefined;
    const namesake = this.byName.get(nameKey);
    if (!speaker && namesake) {
      const otherGuid = guid && namesake.guids.size > 0 && !namesake.guids.has(guid);
      const otherId = id && namesake.ids.size > 0 && !namesake.ids.has(id);
      if (!otherGuid && !otherId) speaker = namesake;
    }
    if (!speaker) {
      speaker = { slug: uniqueSlug(slugify(name) || "speaker", this.slugs), name, affiliation: "", bio: "", guids: new Set(), ids: new Set(), path };
      this.all.push(speaker);
    }
    if (guid) {
      speaker.guids.add(guid);
      this.byGuid.set(guid, speaker);
    }
    if (id) {
      speaker.ids.add(id);
      this.byId.set(id, speaker);
    }
    if (!this.byName.has(nameKey)) this.byName.set(nameKey, speaker);
    if (!speaker.bio && person.biography) speaker.bio = toMarkdown(person.biography);
    return speaker.slug;
  }

  list(): Program["speakers"] {
    return this.all.map(({ slug, name, affiliation, bio }) => ({ slug, name, affiliation, bio }));
  }

  path(index: number): PathSegment[] | undefined {
    return this.all[index]?.path;
  }
}
