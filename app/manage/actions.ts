"use server";

import { revalidatePath } from "next/cache";
import { forbidden, redirect } from "next/navigation";
import type { z } from "zod";
import { createApiToken, revokeApiToken } from "@/lib/organisers/api-tokens";
import { getViewer, type Viewer } from "@/lib/auth/viewer";
import { followProgramUrl, unfollowProgramUrl } from "@/lib/follow/program-sources";
import { assertOrganiser, NotOrganiserError } from "@/lib/manage/organiser";
import { applyPreviewedProgram, previewProgramUrl, previewUploadedProgram } from "@/lib/manage/program-preview";
import { fieldErrors, type FieldErrors } from "@/lib/validation/account";
import {
  applyImportSchema,
  createTokenSchema,
  followSchema,
  importFileSchema,
  importUrlSchema,
  revokeTokenSchema,
  unfollowSchema,
} from "@/lib/validation/manage";
import type { ApplyState, FollowState, PreviewState, TokenState } from "@/components/manage/action-states";

/**
 * The organiser's actions on /manage. Each one finds the viewer (signed out: to
 * sign-in), parses the form with zod (field errors back to the form), and calls
 * the data layer, which checks the organiser itself; someone who is not one gets 403.
 */
async function asOrganiser<Schema extends z.ZodType, State>(
  schema: Schema,
  formData: FormData,
  run: (viewer: Viewer, data: z.output<Schema>) => Promise<State>,
): Promise<State | { errors: FieldErrors; values: Record<string, string> }> {
  const viewer = await getViewer();
  if (!viewer) redirect("/sign-in?next=/manage");
  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values: typedValues(formData) };
  try {
    return await run(viewer, parsed.data);
  } catch (error) {
    if (error instanceof NotOrganiserError) forbidden();
    throw error;
  }
}

/** What was typed, to put back in the form (files cannot be put back). */
function typedValues(formData: FormData): Record<string, string> {
  return Object.fromEntries([...formData].filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

export async function previewImport(_previous: PreviewState, formData: FormData): Promise<PreviewState> {
  if (formData.get("from") === "url") {
    return asOrganiser(importUrlSchema, formData, async (viewer, { url, conferenceSlug }) => {
      const result = await previewProgramUrl(viewer, url, conferenceSlug || undefined);
      return result.ok ? { preview: result.preview } : { errors: { url: result.error }, values: typedValues(formData) };
    });
  }
  return asOrganiser(importFileSchema, formData, async (viewer, { file, conferenceSlug }) => {
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer());
    } catch {
      return { errors: { file: `${file.name}: is not UTF-8 text` } };
    }
    const result = await previewUploadedProgram(viewer, { text, sourceName: file.name, conferenceSlug: conferenceSlug || undefined });
    return result.ok ? { preview: result.preview } : { errors: { file: result.error }, values: typedValues(formData) };
  });
}

export async function applyImport(_previous: ApplyState, formData: FormData): Promise<ApplyState> {
  return asOrganiser(applyImportSchema, formData, async (viewer, { pendingId }) => {
    const result = await applyPreviewedProgram(viewer, pendingId);
    if (!result.ok) return { message: result.error, tone: "error" };
    revalidatePath("/manage");
    const { added, changed, cancelled, restored } = result.counts;
    return {
      appliedId: pendingId,
      tone: "success",
      message: `Applied to ${result.conference}: ${added} added, ${changed} changed, ${cancelled} cancelled, ${restored} restored.`,
    };
  });
}

export async function followUrl(_previous: FollowState, formData: FormData): Promise<FollowState> {
  return asOrganiser(followSchema, formData, async (viewer, { conferenceSlug, url, intervalMinutes }) => {
    if (!(await followProgramUrl(viewer, conferenceSlug, url, intervalMinutes))) return { errors: { url: "This conference no longer exists" } };
    revalidatePath("/manage");
    return { message: `Following ${url} every ${intervalMinutes} minutes; the first check is due now.` };
  });
}

export async function unfollowUrl(_previous: FollowState, formData: FormData): Promise<FollowState> {
  return asOrganiser(unfollowSchema, formData, async (viewer, { conferenceSlug }) => {
    await unfollowProgramUrl(viewer, conferenceSlug);
    revalidatePath("/manage");
    return { message: "No longer following a URL." };
  });
}

export async function createToken(_previous: TokenState, formData: FormData): Promise<TokenState> {
  return asOrganiser(createTokenSchema, formData, async (viewer, { name }) => {
    const created = await createApiToken(viewer, name);
    if (!created) throw new NotOrganiserError();
    revalidatePath("/manage");
    return { created: { name: created.apiToken.name, token: created.token } };
  });
}

export async function revokeToken(_previous: TokenState, formData: FormData): Promise<TokenState> {
  return asOrganiser(revokeTokenSchema, formData, async (viewer, { tokenId }) => {
    await assertOrganiser(viewer);
    if (!(await revokeApiToken(viewer, tokenId))) return { errors: { tokenId: "No such token, or it was already revoked." } };
    revalidatePath("/manage");
    return { message: "Token revoked: requests that use it are now refused." };
  });
}
