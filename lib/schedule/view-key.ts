import { scheduleParamsSchema, type ScheduleParams } from "../validation/params";

type ViewFilter = Pick<ScheduleParams, "day" | "track" | "page" | "view">;

/**
 * A schedule filter without free text, folded into one path segment
 * ("2017-10-17~edge~1", or "2017-10-17~edge~1~grid" for the timetable grid) so
 * that each combination is its own cacheable page. The list's keys are spelled
 * as before the grid existed.
 * The proxy rewrites `/<conf>/schedule?day=…&track=…` to it (docs/decisions/0005-static-public-pages.md).
 */
export function encodeViewKey(params: ViewFilter): string {
  const parts = [params.day ?? "all", params.track ?? "all", String(params.page ?? 1)];
  return (params.view === "grid" ? [...parts, "grid"] : parts).join("~");
}

/** The filter a key names, or null; only the one canonical spelling of each key is accepted, so each view is cached once. */
export function decodeViewKey(key: string): ViewFilter | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(key);
  } catch {
    return null;
  }
  const parts = decoded.split("~");
  if (parts.length !== 3 && !(parts.length === 4 && parts[3] === "grid")) return null;
  const [day, track, page, view] = parts as [string, string, string, string | undefined];
  const parsed = scheduleParamsSchema.safeParse({
    day: day === "all" ? undefined : day,
    track: track === "all" ? undefined : track,
    page,
    view,
  });
  if (!parsed.success) return null;
  const { q: _ignored, ...rest } = parsed.data;
  return encodeViewKey(rest) === decoded ? rest : null;
}
