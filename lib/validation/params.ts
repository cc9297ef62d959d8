import { z } from "zod";

/** Search params arrive as string | string[] | undefined; a repeated key keeps its first value. */
export const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** One search parameter: its first value, and an empty one as absent. */
const single = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => {
    const first = firstValue(value);
    return first === "" ? undefined : first;
  }, schema);

export const slugSchema = z
  .string()
  .max(120, "is too long")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lower-case letters, digits and hyphens");

export const daySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date like 2017-10-17")
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), "is not a calendar date");

/** Free text is never rejected: anything typed is searched as text, and only a prefix of it matters. */
export const searchTextSchema = z.string().transform((text) => text.slice(0, 500).trim());

/**
 * `/<conf>/search?q=…&mine=1` asks for the dynamic search page, which includes the
 * viewer's private notes: the way to them without JavaScript, since the cached
 * results page that every other search gets is the same for everyone.
 */
export const ownNotesSearchParam = "mine";

export const scheduleParamsSchema = z.object({
  day: single(daySchema.optional()),
  track: single(slugSchema.optional()),
  q: single(searchTextSchema.optional()),
  page: single(z.coerce.number({ error: "must be a number" }).int("must be a whole number").min(1, "must be 1 or more").max(100_000, "is too large").optional()),
  /** The list (the default) or the timetable grid of rooms against time. */
  view: single(z.enum(["list", "grid"], { error: 'must be "list" or "grid"' }).optional()),
});

export type ScheduleParams = z.output<typeof scheduleParamsSchema>;

export type SearchParamsRecord = Record<string, string | string[] | undefined>;

export function searchParamsToRecord(params: URLSearchParams): SearchParamsRecord {
  const record: SearchParamsRecord = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    record[key] = values.length > 1 ? values : values[0];
  }
  return record;
}

/** "day must be a date like 2017-10-17" — one sentence naming the first bad parameter. */
export function describeIssues(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "Invalid input";
  const where = issue.path.join(".");
  return where ? `${where} ${issue.message}` : issue.message;
}
