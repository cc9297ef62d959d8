import { z } from "zod";
import { slugPattern } from "../interop/ids";

/** What an organiser types on /manage, checked before anything is read or fetched. */

export const maxProgramBytes = 20 * 1024 * 1024;

const conferenceSlug = z.string().regex(slugPattern, "Choose a conference");

const httpUrl = z
  .string()
  .trim()
  .min(1, "Enter the schedule's URL")
  .max(2_000, "That URL is too long")
  .superRefine((value, context) => {
    if (!value) return;
    if (!URL.canParse(value)) context.addIssue({ code: "custom", message: "Enter a full URL, like https://pretalx.example/conf/schedule/export/schedule.json" });
    else if (!/^https?:$/.test(new URL(value).protocol)) context.addIssue({ code: "custom", message: "Only http and https URLs can be fetched" });
  });

const into = z.union([z.literal(""), conferenceSlug]).optional();

/** The preview form's text fields: a file's (the file itself is checked by `uploadedFileSchema`) or a URL's. */
export const previewFormSchema = z.discriminatedUnion("from", [
  z.object({ from: z.literal("file"), conferenceSlug: into }),
  z.object({ from: z.literal("url"), url: httpUrl, conferenceSlug: into }),
]);

export const uploadedFileSchema = z
  .instanceof(File, { message: "Choose a schedule.json or schedule.xml file" })
  .refine((file) => file.size > 0, "Choose a schedule.json or schedule.xml file; this one is empty")
  .refine((file) => file.size <= maxProgramBytes, "The file is over 20 MB, larger than any conference program");

export const applyImportSchema = z.object({
  pendingId: z.uuid("This preview has expired; preview the file again"),
});

export const followSchema = z.object({
  conferenceSlug,
  url: httpUrl,
  intervalMinutes: z.coerce
    .number({ error: "Enter a number of minutes" })
    .int("Enter a whole number of minutes")
    .min(1, "Check at most once a minute")
    .max(24 * 60, "Check at least once a day"),
});

export const unfollowSchema = z.object({ conferenceSlug });

export const createTokenSchema = z.object({
  name: z.string().trim().min(1, "Name the token after where it will be used, like “pretalx webhook”").max(80, "Use at most 80 characters"),
});

export const revokeTokenSchema = z.object({ tokenId: z.string().min(1).max(100) });
