import type { ProgramPreview } from "@/lib/manage/program-preview";

/** What /manage's server actions answer to their forms. */

export type FieldErrors = Partial<Record<string, string>>;

/** `values` carries what was typed back into a form that React reset after the action. */
export type FormValues = Partial<Record<string, string>>;

export type PreviewState = { errors?: FieldErrors; values?: FormValues; preview?: ProgramPreview };
export type ApplyState = { errors?: FieldErrors; message?: string; tone?: "success" | "error"; appliedId?: string };
export type FollowState = { errors?: FieldErrors; values?: FormValues; message?: string };
export type TokenState = { errors?: FieldErrors; values?: FormValues; message?: string; created?: { name: string; token: string } };

export type Action<State> = (previous: State, formData: FormData) => Promise<State>;
