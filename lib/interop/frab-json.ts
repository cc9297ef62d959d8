import type { Program } from "../program/program-schema";
import { formatJsonPath, ProgramFormatError } from "./errors";
import { frabDocumentToProgram, type ToProgramOptions } from "./frab-to-program";
import { contentVersion, scheduleView, type ExportOptions, type ScheduleView } from "./frab-export-view";

/**
 * The frab/pretalx/c3voc schedule.json (https://c3voc.de/schedule/schema.json).
 *
 * Export writes what that schema requires and nothing it forbids. What Hallway
 * has and the format lacks is not written: day labels, speakers' affiliations,
 * venue and city, the `illustrative` flag, and cancelled sessions (only scheduled
 * ones are exported; the format has no status). People carry `name` but no `id`,
 * because the schema accepts a person as frab's (id + public_name) or pretalx's
 * (name), but not as both.
 */

export const scheduleJsonSchemaUrl = "https://c3voc.de/schedule/schema.json";

export function exportFrabJson(program: Program, options: ExportOptions = {}) {
  const doc = frabJsonDocument(scheduleView(program, options));
  doc.schedule.version = contentVersion(JSON.stringify(doc));
  return doc;
}

export type FrabScheduleJson = ReturnType<typeof exportFrabJson>;

function frabJsonDocument(view: ScheduleView) {
  return {
    $schema: scheduleJsonSchemaUrl,
    generator: { name: "Hallway" },
    schedule: {
      version: "",
      base_url: `${view.baseUrl}/`,
      conference: {
        acronym: view.acronym,
        title: view.title,
        ...(view.description ? { description: view.description } : {}),
        start: view.start,
        end: view.end,
        daysCount: view.days.length,
        timeslot_duration: view.timeslotDuration,
        time_zone_name: view.timeZone,
        ...(view.url ? { url: view.url } : {}),
        tracks: view.tracks.map((t) => ({ name: t.name, slug: t.slug, color: t.color })),
        rooms: view.rooms.map((r) => ({ name: r.name, slug: r.slug, guid: r.guid })),
        days: view.days.map((day) => ({
          index: day.index,
          date: day.date,
          day_start: day.dayStart,
          day_end: day.dayEnd,
          rooms: Object.fromEntries(
            day.rooms.map((room) => [
              room.name,
              room.events.map((e) => ({
                guid: e.guid,
                id: e.id,
                date: e.date,
                start: e.start,
                duration: e.duration,
                room: e.room,
                slug: e.slug,
                url: e.url,
                title: e.title,
                subtitle: e.subtitle,
                track: e.track,
                type: e.type,
                language: e.language,
                abstract: e.abstract,
                description: "",
                recording_license: "",
                do_not_record: null,
                persons: e.persons.map((p) => ({ guid: p.guid, name: p.name, public_name: p.name, biography: p.biography || null })),
                links: [],
                attachments: [],
              })),
            ]),
          ),
        })),
      },
    },
  };
}

/**
 * A Hallway program from schedule.json text. Malformed input throws a
 * ProgramFormatError naming the JSON path (or the line and column of a syntax
 * error) and the reason.
 */
export function parseFrabJson(text: string, options: ToProgramOptions = {}): Program {
  return frabDocumentToProgram(parseJson(text), formatJsonPath, options);
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(message);
    if (!position) {
      const where = /end of JSON input/.test(message) ? `line ${text.split("\n").length}, end of file` : "JSON";
      throw new ProgramFormatError(where, `invalid JSON: ${message}`);
    }
    const offset = Number(position[1]);
    const before = text.replace(/^\uFEFF/, "").slice(0, offset);
    const line = before.split("\n").length;
    const column = offset - before.lastIndexOf("\n");
    const reason = message.replace(/\s*in JSON at position \d+.*$/, "").replace(/\s*\(line \d+ column \d+\)$/, "");
    throw new ProgramFormatError(`line ${line}, column ${column}`, `invalid JSON: ${reason}`);
  }
}
