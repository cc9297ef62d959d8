import type { Program } from "../program/program-schema";
import { formatJsonPath, ProgramFormatError } from "./errors";
import { parseJson } from "./frab-json";
import { frabDocumentToProgram } from "./frab-to-program";
import { parsePentabarfXml } from "./pentabarf-xml";

export type ParseProgramOptions = {
  /** The file name or URL, put in front of error messages ("schedule.json: line 3: …"). */
  sourceName?: string;
  /** Overrides the slug derived from the conference's acronym. */
  conferenceSlug?: string;
};

/**
 * A Hallway program from a schedule file in any format Hallway reads, told
 * apart by content rather than by name: JSON with a `schedule` key is frab's
 * schedule.json, XML with a <schedule> root is Pentabarf/frab's schedule.xml.
 */
export function parseProgram(text: string, options: ParseProgramOptions = {}): Program {
  try {
    return parseByContent(text.replace(/^\uFEFF/, ""), options);
  } catch (error) {
    if (error instanceof ProgramFormatError && options.sourceName) throw error.from(options.sourceName);
    throw error;
  }
}

function parseByContent(text: string, options: ParseProgramOptions): Program {
  const start = text.trimStart();
  const convert = { conferenceSlug: options.conferenceSlug };
  if (start.startsWith("{") || start.startsWith("[")) {
    const document = parseJson(text);
    if (document === null || typeof document !== "object" || Array.isArray(document) || !("schedule" in document)) {
      throw new ProgramFormatError("JSON", 'has no "schedule" key: not a frab, pretalx or c3voc schedule.json');
    }
    return frabDocumentToProgram(document, formatJsonPath, convert);
  }
  if (start.startsWith("<")) {
    if (!/<schedule[\s>/]/.test(text)) throw new ProgramFormatError("XML", "has no <schedule> element: not a Pentabarf or frab schedule.xml");
    return parsePentabarfXml(text, convert);
  }
  if (start.startsWith("BEGIN:VCALENDAR")) {
    throw new ProgramFormatError("line 1", "an iCalendar feed holds no conference program; import the conference's schedule.json or schedule.xml");
  }
  throw new ProgramFormatError("line 1", "neither JSON nor XML: expected a frab/pretalx schedule.json or a Pentabarf/frab schedule.xml");
}
