import type { z } from "zod";

/**
 * A submitted form as the record a schema parses: each field's first text value;
 * a field the form did not send is absent (files are not fields here).
 */
export function formFields(formData: FormData): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of formData) if (typeof value === "string" && !(key in fields)) fields[key] = value;
  return fields;
}

/** The named text fields as submitted ("" for one not sent): what a form shows again after an error. */
export function submittedValues(formData: FormData, ...names: string[]): Record<string, string> {
  const fields = formFields(formData);
  return Object.fromEntries(names.map((name) => [name, fields[name] ?? ""]));
}

export type FieldErrors<Field extends string = string> = Partial<Record<Field, string>>;

/**
 * The first message for each field, what a form shows beside it. With `fields`,
 * only those are kept; without, an issue on no field is under "form".
 */
export function fieldErrors<Field extends string = string>(error: z.ZodError, fields?: readonly Field[]): FieldErrors<Field> {
  const errors: FieldErrors<Field> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form") as Field;
    if (fields && !fields.includes(key)) continue;
    errors[key] ??= issue.message;
  }
  return errors;
}
