import { z } from "zod";

/** The reminders the agenda page offers for its feed, in minutes before a session; 0 is none. */
export const reminderChoices = [0, 5, 10, 15, 30] as const;

export const reminderMinutesSchema = z.coerce
  .number({ error: "reminder must be a number of minutes" })
  .int()
  .refine((minutes) => (reminderChoices as readonly number[]).includes(minutes), { error: `reminder must be one of ${reminderChoices.join(", ")} minutes` });
