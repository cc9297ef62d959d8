import { scheduleParamsSchema, type ScheduleParams } from "../validation/params";

/**
 * A schedule filter without free text, folded into one path segment
 * ("2017-10-17~edge~1") so that each combination is its own cacheable page.
 * The proxy rewrites `/<conf>/schedule?day=…&track=…` to it (docs/decisions/0005-static-public-pages.md).
 */
export function encodeViewKey(params: Pick<ScheduleParams, "day" | "track" | "page">): string {
  return [params.day ?? "all", params.track ?? "all", String(params.page ?? 1)].join("~");
}

/** The filter a key names, or null; only the one canonical spelling of each key is accepted, so each view is cached once. */
export function decodeViewKey(key: string): Pick<ScheduleParams, "day" | "track" | "page"> | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(key);
  } catch {
    return null;
  }
  const parts = decoded.split("~");
  if (parts.length !== 3) return null;
  const [day, track, page] = parts as [string, string, string];
  const parsed = scheduleParamsSchema.safeParse({
    day: day === "all" ? undefined : day,
    track: track === "all" ? undefined : track,
    page,
  });
  if (!parsed.success) return null;
  const { q: _ignored, ...rest } = parsed.data;
  return encodeViewKey(rest) === decoded ? rest : null;
}
