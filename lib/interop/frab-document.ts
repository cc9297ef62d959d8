import { z } from "zod";

/**
 * What Hallway accepts as a frab/pretalx/c3voc schedule, whether it came as
 * schedule.json or was read from schedule.xml: the required parts are checked
 * here, with messages that say what was expected; everything else is lenient,
 * because real exports leave out, null or add fields freely.
 */

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return String(value);
}

const expected = (what: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? "is missing" : `must be ${what}, not ${describe(issue.input)}`),
});

const text = z.string(expected("text"));
const optionalText = z.string(expected("text or null")).nullish();
const identifier = z.union([z.number(), z.string()], expected("a number or text")).nullish();

export const frabPersonSchema = z.looseObject(
  {
    id: identifier,
    guid: optionalText,
    name: optionalText,
    public_name: optionalText,
    full_public_name: optionalText,
    biography: optionalText,
  },
  expected("an object"),
);

export const frabEventSchema = z.looseObject(
  {
    guid: optionalText,
    id: identifier,
    date: optionalText,
    start: optionalText,
    end: optionalText,
    duration: optionalText,
    room: optionalText,
    slug: optionalText,
    title: text,
    subtitle: optionalText,
    track: optionalText,
    type: optionalText,
    language: optionalText,
    abstract: optionalText,
    description: optionalText,
    persons: z.array(frabPersonSchema, expected("a list of persons")).nullish(),
  },
  expected("an event object"),
);

export const frabDaySchema = z.looseObject(
  {
    index: identifier,
    date: z.string(expected("a date like 2017-10-17")).regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date like 2017-10-17"),
    day_start: optionalText,
    day_end: optionalText,
    rooms: z
      .preprocess((rooms, ctx) => {
        // zod drops this key from records, where it would set the prototype: say so rather than lose the events.
        if (rooms !== null && typeof rooms === "object" && Object.hasOwn(rooms, "__proto__")) {
          ctx.addIssue({ code: "custom", path: ["__proto__"], message: "is not a room name Hallway can hold" });
        }
        return rooms;
      }, z.record(z.string(), z.array(frabEventSchema, expected("a list of events")), expected("an object of rooms")))
      .nullish(),
  },
  expected("a day object"),
);

const namedThing = z.looseObject({ name: optionalText, slug: optionalText, color: optionalText, guid: optionalText }, expected("an object"));

export const frabConferenceSchema = z.looseObject(
  {
    acronym: text,
    title: text,
    description: optionalText,
    start: optionalText,
    end: optionalText,
    time_zone_name: optionalText,
    url: optionalText,
    // Not in the c3voc formats, but Pentabarf's XML had them.
    venue: optionalText,
    city: optionalText,
    tracks: z.array(namedThing, expected("a list of tracks")).nullish(),
    rooms: z.array(namedThing, expected("a list of rooms")).nullish(),
    days: z.array(frabDaySchema, expected("a list of days")).min(1, "has no days"),
  },
  expected("an object"),
);

export const frabDocumentSchema = z.looseObject(
  {
    schedule: z.looseObject({ conference: frabConferenceSchema }, expected("an object")),
  },
  expected("an object with a schedule"),
);

export type FrabDocument = z.output<typeof frabDocumentSchema>;
export type FrabConference = FrabDocument["schedule"]["conference"];
export type FrabDay = z.output<typeof frabDaySchema>;
export type FrabEvent = z.output<typeof frabEventSchema>;
export type FrabPerson = z.output<typeof frabPersonSchema>;
