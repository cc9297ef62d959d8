"use server";

import { revalidatePath } from "next/cache";
import { forbidden } from "next/navigation";
import { validatedActionWithViewer } from "@/lib/auth/actions";
import type { Viewer } from "@/lib/auth/viewer";
import { followProgramUrl, unfollowProgramUrl } from "@/lib/follow/program-sources";
import { assertOrganiser, NotOrganiserError } from "@/lib/manage/organiser";
import { applyPreviewedProgram, previewProgramUrl, previewUploadedProgram } from "@/lib/manage/program-preview";
import { createApiToken, revokeApiToken } from "@/lib/organisers/api-tokens";
import { href } from "@/lib/routes";
import { fieldErrors, formFields, type FieldErrors } from "@/lib/validation/form";
import {
  applyImportSchema,
  createTokenSchema,
  followSchema,
  previewFormSchema,
  revokeTokenSchema,
  unfollowSchema,
  uploadedFileSchema,
} from "@/lib/validation/manage";
import type { ApplyState, FollowState, PreviewState, TokenState } from "@/components/manage/action-states";

/**
 * The organiser's actions on /manage. Each one finds the viewer (signed out: to
 * sign-in and back) and parses the form with zod (field errors back to the form,
 * with what was typed), then calls the data layer, which checks the organiser
 * itself; someone who is not one gets the 403 page.
 */
const onManagePage = <State>() => ({
  returnTo: href.manage(),
  invalid: (errors: FieldErrors, formData: FormData) => ({ errors, values: formFields(formData) }) as State,
});

function organiserOnly<Data, State>(action: (data: Data, viewer: Viewer, formData: FormData) => Promise<State>) {
  return async (data: Data, viewer: Viewer, formData: FormData): Promise<State> => {
    try {
      return await action(data, viewer, formData);
    } catch (error) {
      if (error instanceof NotOrganiserError) forbidden();
      throw error;
    }
  };
}

export const previewImport = validatedActionWithViewer(
  previewFormSchema,
  organiserOnly(async (data, viewer, formData): Promise<PreviewState> => {
    const values = formFields(formData);
    const into = data.conferenceSlug || undefined;
    if (data.from === "url") {
      const result = await previewProgramUrl(viewer, data.url, into);
      return result.ok ? { preview: result.preview } : { errors: { url: result.error }, values };
    }
    const file = uploadedFileSchema.safeParse(formData.get("file"));
    if (!file.success) return { errors: { file: fieldErrors(file.error).form }, values };
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(await file.data.arrayBuffer());
    } catch {
      return { errors: { file: `${file.data.name}: is not UTF-8 text` }, values };
    }
    const result = await previewUploadedProgram(viewer, { text, sourceName: file.data.name, conferenceSlug: into });
    return result.ok ? { preview: result.preview } : { errors: { file: result.error }, values };
  }),
  onManagePage<PreviewState>(),
);

export const applyImport = validatedActionWithViewer(
  applyImportSchema,
  organiserOnly(async ({ pendingId }, viewer): Promise<ApplyState> => {
    const result = await applyPreviewedProgram(viewer, pendingId);
    if (!result.ok) return { message: result.error, tone: "error" };
    revalidatePath(href.manage());
    const { added, changed, cancelled, restored } = result.counts;
    return {
      appliedId: pendingId,
      tone: "success",
      message: `Applied to ${result.conference}: ${added} added, ${changed} changed, ${cancelled} cancelled, ${restored} restored.`,
    };
  }),
  onManagePage<ApplyState>(),
);

export const followUrl = validatedActionWithViewer(
  followSchema,
  organiserOnly(async ({ conferenceSlug, url, intervalMinutes }, viewer): Promise<FollowState> => {
    if (!(await followProgramUrl(viewer, conferenceSlug, url, intervalMinutes))) return { errors: { url: "This conference no longer exists" } };
    revalidatePath(href.manage());
    return { message: `Following ${url} every ${intervalMinutes} minutes; the first check is due now.` };
  }),
  onManagePage<FollowState>(),
);

export const unfollowUrl = validatedActionWithViewer(
  unfollowSchema,
  organiserOnly(async ({ conferenceSlug }, viewer): Promise<FollowState> => {
    await unfollowProgramUrl(viewer, conferenceSlug);
    revalidatePath(href.manage());
    return { message: "No longer following a URL." };
  }),
  onManagePage<FollowState>(),
);

export const createToken = validatedActionWithViewer(
  createTokenSchema,
  organiserOnly(async ({ name }, viewer): Promise<TokenState> => {
    const created = await createApiToken(viewer, name);
    if (!created) throw new NotOrganiserError();
    revalidatePath(href.manage());
    return { created: { name: created.apiToken.name, token: created.token } };
  }),
  onManagePage<TokenState>(),
);

export const revokeToken = validatedActionWithViewer(
  revokeTokenSchema,
  organiserOnly(async ({ tokenId }, viewer): Promise<TokenState> => {
    await assertOrganiser(viewer);
    if (!(await revokeApiToken(viewer, tokenId))) return { errors: { tokenId: "No such token, or it was already revoked." } };
    revalidatePath(href.manage());
    return { message: "Token revoked: requests that use it are now refused." };
  }),
  onManagePage<TokenState>(),
);
