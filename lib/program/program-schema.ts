import { z } from "zod";
import { isTimeZone } from "../time";

/**
 * A conference program as Hallway loads it: the seed, the importers and the
 * benchmark generator all produce this shape, and `loadProgram` writes it.
 * Times are conference-local wall-clock times ("2017-10-17T09:00"); the loader
 * converts them to UTC instants with the conference's time zone.
 */

const slug = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lower-case words joined by hyphens");

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date like 2017-10-17");

const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "must be a local time like 2017-10-17T09:00");

export const sessionKinds = [
  "keynote",
  "talk",
  "workshop",
  "lightning",
  "panel",
  "break",
  "other",
] as const;

export const programSchema = z
  .object({
    conference: z.object({
      slug,
      name: z.string().min(1).max(200),
      tagline: z.string().max(500).default(""),
      venue: z.string().max(200).default(""),
      city: z.string().max(200).default(""),
      timeZone: z.string().refine(isTimeZone, "must be an IANA time zone such as Europe/Copenhagen"),
      startDate: localDate,
      endDate: localDate,
      url: z.url().optional(),
    }),
    days: z.array(z.object({ date: localDate, label: z.string().max(100).default("") })).min(1),
    tracks: z.array(
      z.object({
        slug,
        name: z.string().min(1).max(100),
        color: z.string().regex(/^#[0-9a-f]{6}$/i, "must be a colour like #1d63ed"),
      }),
    ),
    rooms: z.array(z.object({ slug, name: z.string().min(1).max(100) })),
    speakers: z.array(
      z.object({
        slug,
        name: z.string().min(1).max(200),
        affiliation: z.string().max(200).default(""),
        bio: z.string().max(20_000).default(""),
      }),
    ),
    sessions: z.array(
      z.object({
        guid: z.string().min(1).max(200),
        slug,
        title: z.string().min(1).max(300),
        subtitle: z.string().max(300).default(""),
        kind: z.enum(sessionKinds).default("talk"),
        abstract: z.string().max(50_000).default(""),
        language: z.string().max(20).default("en"),
        day: localDate,
        start: localDateTime,
        end: localDateTime,
        track: slug.nullable().default(null),
        room: slug.nullable().default(null),
        speakers: z.array(slug).default([]),
        status: z.enum(["scheduled", "cancelled"]).default("scheduled"),
        illustrative: z.boolean().default(false),
      }),
    ),
  })
  .superRefine((program, ctx) => {
    const days = new Set(program.days.map((d) => d.date));
    const tracks = new Set(program.tracks.map((t) => t.slug));
    const rooms = new Set(program.rooms.map((r) => r.slug));
    const speakers = new Set(program.speakers.map((s) => s.slug));
    reportDuplicates(program.tracks.map((t) => t.slug), ["tracks"], ctx);
    reportDuplicates(program.rooms.map((r) => r.slug), ["rooms"], ctx);
    reportDuplicates(program.speakers.map((s) => s.slug), ["speakers"], ctx);
    reportDuplicates(program.sessions.map((s) => s.slug), ["sessions"], ctx);
    reportDuplicates(program.sessions.map((s) => s.guid), ["sessions"], ctx);
    program.sessions.forEach((s, i) => {
      const at = ["sessions", i];
      if (!days.has(s.day)) ctx.addIssue({ code: "custom", path: [...at, "day"], message: `day ${s.day} is not one of the conference's days` });
      if (s.track && !tracks.has(s.track)) ctx.addIssue({ code: "custom", path: [...at, "track"], message: `unknown track "${s.track}"` });
      if (s.room && !rooms.has(s.room)) ctx.addIssue({ code: "custom", path: [...at, "room"], message: `unknown room "${s.room}"` });
      s.speakers.forEach((sp, j) => {
        if (!speakers.has(sp)) ctx.addIssue({ code: "custom", path: [...at, "speakers", j], message: `unknown speaker "${sp}"` });
      });
      if (s.end < s.start) ctx.addIssue({ code: "custom", path: [...at, "end"], message: "ends before it starts" });
    });
  });

export type ProgramInput = z.input<typeof programSchema>;
export type Program = z.output<typeof programSchema>;


function reportDuplicates(values: string[], path: (string | number)[], ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  values.forEach((value, i) => {
    if (seen.has(value)) ctx.addIssue({ code: "custom", path: [...path, i], message: `"${value}" appears twice` });
    seen.add(value);
  });
}
