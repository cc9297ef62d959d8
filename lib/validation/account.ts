import { z } from "zod";
import { maxPasswordLength, minPasswordLength } from "../auth/limits";

/** A field the form did not send reads as empty, so it gets the same message as one left blank. */
const field = <T extends z.ZodType>(schema: T) => z.preprocess((value) => value ?? "", schema);

const email = field(z.email("Enter an email address like ada@example.com").max(254, "That email address is too long").transform((v) => v.trim().toLowerCase()));
const password = field(z
  .string()
  .min(minPasswordLength, `Use at least ${minPasswordLength} characters; a few words in a row make a good password`)
  .max(maxPasswordLength, `Use at most ${maxPasswordLength} characters`));

export const signInSchema = z.object({
  email,
  password: field(z.string().min(1, "Enter your password").max(maxPasswordLength, "That password is too long")),
  next: z.string().optional(),
});

/** Shown under a person's public notes. */
const displayName = field(z.string().trim().min(1, "Enter the name other attendees will see").max(80, "Use at most 80 characters"));

export const signUpSchema = z.object({
  name: displayName,
  email,
  password,
  next: z.string().optional(),
});

export const changeNameSchema = z.object({ name: displayName });

export const changePasswordSchema = z.object({
  currentPassword: field(z.string().min(1, "Enter your current password")),
  newPassword: password,
});

export const deleteAccountSchema = z.object({
  password: field(z.string().min(1, "Enter your password to confirm")),
  confirm: z.literal("on", { error: "Tick the box to confirm that your notes will be deleted" }),
});
