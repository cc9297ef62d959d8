import type { FieldErrors } from "@/lib/validation/form";

/** What an account form shows after a submission: errors beside fields, a message, and the values to keep. */
export type AccountFormState = { errors?: FieldErrors; message?: string; values?: Record<string, string> };

/** A form's server action, passed in by its page (components never import from app/). */
export type AccountAction = (state: AccountFormState, formData: FormData) => Promise<AccountFormState>;
