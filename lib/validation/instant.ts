import { z } from "zod";
import { firstValue } from "./params";

export const instantMessage = "must be a date and time like 2017-10-17T14:10:00+02:00";

/**
 * Before the strict check, forgive the spellings people type into a URL: a "+"
 * that the query string turned into a space, a time without seconds, and an
 * offset without its colon.
 */
function normalise(param: unknown): unknown {
  const value = firstValue(param);
  if (typeof value !== "string") return value;
  return value
    .trim()
    .replace(/ (\d{2}:?\d{2})$/, "+$1")
    .replace(/(T\d{2}:\d{2})(?=Z|[+-]|$)/i, "$1:00")
    .replace(/([+-]\d{2})(\d{2})$/, "$1:$2");
}

/** An instant written in ISO 8601 with `Z` or an offset, as a Date. */
export const instantSchema = z
  .preprocess(normalise, z.iso.datetime({ offset: true, error: instantMessage }))
  .transform((value) => new Date(value));

/** `?at=`: absent means "now". */
export const atParamSchema = z.object({
  at: z.preprocess((value) => (value === "" ? undefined : value), instantSchema.optional()),
});
