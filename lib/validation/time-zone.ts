import { z } from "zod";
import { canonicalTimeZone } from "../time";

/** `{"timeZone": "Europe/London"}` to see times in that zone, `{"timeZone": null}` for the conference's own. */
export const timeZonePreferenceSchema = z.object({
  timeZone: z
    .string({ error: 'must be an IANA time zone such as "Europe/London", or null' })
    .nullable()
    .transform((zone, context) => {
      if (zone === null) return null;
      const canonical = canonicalTimeZone(zone);
      if (!canonical) context.addIssue({ code: "custom", message: `"${zone.slice(0, 64)}" is not an IANA time zone such as "Europe/London"` });
      return canonical ?? z.NEVER;
    }),
}, { error: 'must be JSON like {"timeZone": "Europe/London"}' });
