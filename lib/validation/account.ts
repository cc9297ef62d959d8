import { z } from "zod";
import { maxPasswordLength, minPasswordLength } from "../auth/limits";

const email = z.email("Enter an email address like ada@example.com").max(254, "That email address is too long").transform((v) => v.trim().toLowerCase());
const password = z
  .string()
  .min(minPasswordLength, `Use at least ${minPasswordLength} characters; a few words in a row make a good password`)
  .max(maxPasswordLength, `Use at most ${maxPasswordLength} characters`);

export const signInSchema = z.object({
  email,
  password: z.string().min(1, "Enter your password").max(maxPasswordLength, "That password is too long"),
  next: z.string().optional(),
});

/** Shown under a person's public notes. */
const displayName = z.string().trim().min(1, "Enter the name other attendees will see").max(80, "Use at most 80 characters");

export const signUpSchema = z.object({
  name: displayName,
  email,
  password,
  next: z.string().optional(),
});

export const changeNameSchema = z.object({ name: displayName });

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, "Enter your current password"),
  newPassword: password,
});

export const deleteAccountSchema = z.object({
  password: z.string().min(1, "Enter your password to confirm"),
  confirm: z.literal("on", { error: "Tick the box to confirm that your notes will be deleted" }),
});

export type FieldErrors = Partial<Record<string, string>>;

export function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    errors[key] ??= issue.message;
  }
  return errors;
}
