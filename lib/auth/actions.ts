import "server-only";
import type { z } from "zod";
import { fieldErrors, formFields, type FieldErrors } from "../validation/form";
import { requireViewer, type Viewer } from "./viewer";

/**
 * The one shape of a server action behind a form (after nextjs/saas-starter's
 * `validatedActionWithUser`): the form's fields are parsed with a zod schema
 * before the action runs, and a form that does not parse comes back as the
 * state `invalid` makes of its field errors and the submitted form.
 */

type Invalid<State> = (errors: FieldErrors, formData: FormData) => State;

/** For forms anyone may send (sign-in, sign-up). */
export function validatedAction<Schema extends z.ZodType, State>(
  schema: Schema,
  action: (data: z.output<Schema>, formData: FormData) => Promise<State>,
  invalid: Invalid<State>,
) {
  return async (_previous: State, formData: FormData): Promise<State> => {
    const parsed = schema.safeParse(formFields(formData));
    if (!parsed.success) return invalid(fieldErrors(parsed.error), formData);
    return action(parsed.data, formData);
  };
}

/**
 * For forms that change something of the signed-in person's: who is asking is
 * checked first (signed out, they are sent to sign in and back to `returnTo`),
 * then the form is parsed, and the action gets both.
 */
export function validatedActionWithViewer<Schema extends z.ZodType, State>(
  schema: Schema,
  action: (data: z.output<Schema>, viewer: Viewer, formData: FormData) => Promise<State>,
  options: { returnTo: string; invalid: Invalid<State> },
) {
  return async (previous: State, formData: FormData): Promise<State> => {
    const viewer = await requireViewer(options.returnTo);
    return validatedAction(schema, (data, form) => action(data, viewer, form), options.invalid)(previous, formData);
  };
}
