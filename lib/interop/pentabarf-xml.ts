import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { Program } from "../program/program-schema";
import { ProgramFormatError, type PathSegment } from "./errors";
import { frabDocumentToProgram, type ToProgramOptions } from "./frab-to-program";
import { contentVersion, scheduleView, type ExportOptions } from "./frab-export-view";

/**
 * The Pentabarf/frab schedule.xml, as the c3voc schema describes it
 * (https://c3voc.de/schedule/schema.xsd). It carries less than the JSON: no
 * speakers' biographies, no room list. Slugs are written only where they fit the
 * schema's pattern (acronym-slug, at least four characters each side); a session
 * without one gets its slug from its title when read back.
 */

// Replaced by a hash of the file written around it; it comes before any content, so only it is replaced.
const versionPlaceholder = "HALLWAY-VERSION";
const vocSlug = /^[a-z0-9_]{4,}-[a-z0-9\-_]{4,}$/;
const trackSlug = /^[a-z][a-z0-9-]+$/;

export function exportPentabarfXml(program: Program, options: ExportOptions = {}): string {
  const view = scheduleView(program, options);
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>', "<schedule>"];
  const element = (indent: number, name: string, value: string | number) => out.push(`${"  ".repeat(indent)}<${name}>${escapeText(String(value))}</${name}>`);
  const attributes = (pairs: Record<string, string | number | undefined>) =>
    Object.entries(pairs)
      .filter(([, value]) => value !== undefined)
      .map(([name, value]) => ` ${name}="${escapeAttribute(String(value))}"`)
      .join("");

  out.push(`  <generator${attributes({ name: "Hallway" })}/>`);
  element(1, "version", versionPlaceholder);
  out.push("  <conference>");
  element(2, "acronym", view.acronym);
  element(2, "title", view.title);
  element(2, "start", view.start);
  element(2, "end", view.end);
  element(2, "days", view.days.length);
  element(2, "timeslot_duration", view.timeslotDuration);
  element(2, "base_url", `${view.baseUrl}/`);
  if (view.url && /^https?:\/\//.test(view.url)) element(2, "url", view.url);
  element(2, "time_zone_name", view.timeZone);
  for (const t of view.tracks) {
    out.push(`    <track${attributes({ name: t.name, color: t.color, slug: trackSlug.test(t.slug) ? t.slug : undefined })}>${escapeText(t.name)}</track>`);
  }
  out.push("  </conference>");
  for (const day of view.days) {
    const dayAttributes = attributes({ index: day.index, date: day.date, start: day.dayStart, end: day.dayEnd });
    if (day.rooms.length === 0) {
      out.push(`  <day${dayAttributes}/>`);
      continue;
    }
    out.push(`  <day${dayAttributes}>`);
    for (const room of day.rooms) {
      out.push(`    <room${attributes({ name: room.name, guid: room.guid })}>`);
      for (const e of room.events) {
        out.push(`      <event${attributes({ guid: e.guid, id: e.id })}>`);
        element(4, "date", e.date);
        element(4, "start", e.start);
        element(4, "duration", e.duration);
        element(4, "room", e.room);
        if (vocSlug.test(e.slug)) element(4, "slug", e.slug);
        if (/^https?:\/\//.test(e.url)) element(4, "url", e.url);
        element(4, "title", e.title);
        element(4, "subtitle", e.subtitle);
        element(4, "track", e.track ?? "");
        element(4, "type", e.type);
        element(4, "language", e.language);
        element(4, "abstract", e.abstract);
        element(4, "description", "");
        if (e.persons.length === 0) out.push("        <persons/>");
        else {
          out.push("        <persons>");
          for (const p of e.persons) out.push(`          <person${attributes({ id: p.id, guid: p.guid })}>${escapeText(p.name)}</person>`);
          out.push("        </persons>");
        }
        out.push("        <links/>", "        <attachments/>", "      </event>");
      }
      out.push("    </room>");
    }
    out.push("  </day>");
  }
  out.push("</schedule>", "");
  const xml = out.join("\n");
  return xml.replace(versionPlaceholder, contentVersion(xml));
}


// Characters XML 1.0 cannot carry at all, even escaped.
const notXml = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function escapeText(value: string): string {
  return value.replace(notXml, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r/g, "&#13;");
}

export function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, "&quot;").replace(/\t/g, "&#9;").replace(/\n/g, "&#10;");
}

/**
 * A Hallway program from schedule.xml text. A document that is not well-formed,
 * or that lacks what an event needs, throws a ProgramFormatError naming the line.
 */
export function parsePentabarfXml(text: string, options: ToProgramOptions = {}): Program {
  // The declaration says nothing once the text is decoded; blanking it (not removing it) keeps line numbers
  // and lets whitespace before it pass.
  const source = text.replace(/^\uFEFF/, "").replace(/^(\s*)(<\?xml\b[^>]*\?>)/, (_, space: string, declaration: string) => space + " ".repeat(declaration.length));
  const valid = XMLValidator.validate(source);
  if (valid !== true) throw new ProgramFormatError(`line ${valid.err.line}`, `malformed XML: ${valid.err.msg}`);
  const { document, locate } = readScheduleXml(source);
  return frabDocumentToProgram(document, locate, options);
}

const repeated = new Set([
  "schedule.day", "schedule.day.room", "schedule.day.room.event", "schedule.day.room.event.persons.person",
  "schedule.conference.track",
]);

type XmlNode = Record<string, unknown>;
const meta = XMLParser.getMetaDataSymbol() as unknown as string;

/** The XML in the JSON document's shape, and a way from a path in that shape back to a line of the file. */
function readScheduleXml(source: string) {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    // Decodes numeric character references (&#233;), which the default leaves alone.
    htmlEntities: true,
    captureMetaData: true,
    isArray: (_name, jPath) => repeated.has(String(jPath)),
  });
  const root = parser.parse(source) as XmlNode;
  const newlines: number[] = [];
  for (let i = source.indexOf("\n"); i !== -1; i = source.indexOf("\n", i + 1)) newlines.push(i);
  const lineAt = (node: unknown): number | undefined => {
    const start = (node as { [meta]?: { startIndex?: number } } | undefined)?.[meta]?.startIndex;
    if (start === undefined) return undefined;
    let low = 0;
    let high = newlines.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (newlines[mid]! < start) low = mid + 1;
      else high = mid;
    }
    return low + 1;
  };

  const known = new Map<string, number>();
  const note = (path: PathSegment[], node: unknown) => {
    const line = lineAt(node);
    if (line !== undefined) known.set(JSON.stringify(path), line);
  };

  const schedule = objectOf(root.schedule);
  if (!schedule) throw new ProgramFormatError("line 1", "not a schedule: the root element must be <schedule>");
  note(["schedule"], schedule);
  const conference = objectOf(schedule.conference) ?? {};
  const conferencePath = ["schedule", "conference"];
  note(conferencePath, schedule.conference);

  const days = listOf(schedule.day).map((dayNode, i) => {
    const day = objectOf(dayNode) ?? {};
    const dayPath = [...conferencePath, "days", i];
    note(dayPath, dayNode);
    const rooms: [string, unknown[]][] = [];
    for (const roomNode of listOf(day.room)) {
      const room = objectOf(roomNode) ?? {};
      const name = String(room["@_name"] ?? "");
      let entry = rooms.find(([n]) => n === name);
      if (!entry) rooms.push((entry = [name, []]));
      note([...dayPath, "rooms", name], roomNode);
      for (const eventNode of listOf(room.event)) {
        note([...dayPath, "rooms", name, entry[1].length], eventNode);
        entry[1].push(eventFrom(objectOf(eventNode) ?? {}));
      }
    }
    return {
      index: day["@_index"],
      date: day["@_date"] ?? (typeof day["@_start"] === "string" ? day["@_start"].slice(0, 10) : undefined),
      day_start: day["@_start"],
      day_end: day["@_end"],
      rooms: Object.fromEntries(rooms),
    };
  });

  const document = {
    schedule: {
      version: textOf(schedule.version),
      conference: {
        ...Object.fromEntries(
          ["acronym", "title", "start", "end", "time_zone_name", "url", "description", "venue", "city"].map((field) => [field, textOf(conference[field])]),
        ),
        tracks: listOf(conference.track).map((track) => {
          const node = objectOf(track);
          return { name: (node?.["@_name"] as string | undefined) ?? textOf(track), color: node?.["@_color"], slug: node?.["@_slug"] };
        }),
        rooms: mergedOrder(days.map((day) => Object.keys(day.rooms))).map((name) => ({ name })),
        days,
      },
    },
  };

  const locate = (path: readonly PathSegment[]): string => {
    for (let n = path.length; n > 0; n -= 1) {
      const line = known.get(JSON.stringify(path.slice(0, n)));
      if (line === undefined) continue;
      const rest = path.slice(n).map((segment) => (typeof segment === "number" ? `[${segment}]` : segment)).join(".").replace(/\.\[/g, "[");
      return rest ? `line ${line}, ${rest}` : `line ${line}`;
    }
    return "line 1";
  };
  return { document, locate };
}

/**
 * The XML has no list of rooms, only each day's rooms in order. One order that
 * agrees with every day's keeps the columns where the file had them (rooms first
 * seen earlier go first where the days leave it open).
 */
function mergedOrder(sequences: string[][]): string[] {
  const firstSeen = [...new Set(sequences.flat())];
  const before = new Map(firstSeen.map((name) => [name, new Set<string>()]));
  for (const sequence of sequences) sequence.slice(1).forEach((name, i) => before.get(name)!.add(sequence[i]!));
  const order: string[] = [];
  const placed = new Set<string>();
  while (order.length < firstSeen.length) {
    // Days that disagree (a cycle) cannot all be satisfied; then the first one seen goes next.
    const next =
      firstSeen.find((name) => !placed.has(name) && [...before.get(name)!].every((b) => placed.has(b))) ??
      firstSeen.find((name) => !placed.has(name))!;
    order.push(next);
    placed.add(next);
  }
  return order.filter((name) => name.trim() !== "");
}

function eventFrom(event: XmlNode) {
  const fields = ["date", "start", "end", "duration", "room", "slug", "title", "subtitle", "track", "type", "language", "abstract", "description"];
  return {
    ...Object.fromEntries(fields.map((field) => [field, textOf(event[field])])),
    guid: event["@_guid"],
    id: event["@_id"],
    persons: listOf(objectOf(event.persons)?.person).map((person) => ({
      name: textOf(person),
      id: objectOf(person)?.["@_id"],
      guid: objectOf(person)?.["@_guid"],
    })),
  };
}

function objectOf(node: unknown): XmlNode | undefined {
  return node !== null && typeof node === "object" && !Array.isArray(node) ? (node as XmlNode) : undefined;
}

function listOf(node: unknown): unknown[] {
  if (node === undefined || node === "") return [];
  return Array.isArray(node) ? node : [node];
}

/** An element's text, trimmed: indentation in the file is not content. An element given twice stays a list, for the schema to reject. */
function textOf(node: unknown): unknown {
  if (typeof node === "string") return node.trim();
  if (Array.isArray(node)) return node;
  const object = objectOf(node);
  if (!object) return node;
  const text = object["#text"];
  return typeof text === "string" ? text.trim() : "";
}
