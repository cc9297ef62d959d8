import { z } from "zod";
import { isStarred, setStar, starTargetSelect } from "@/lib/agenda/agenda";
import { findSession } from "@/lib/schedule/sessions";
import { getViewerFromRequest, safeReturnPath } from "@/lib/auth/viewer";
import { isCrossOriginWrite, jsonError, privateNoStore, seeOther } from "@/lib/http";
import { href } from "@/lib/routes";
import { formFields } from "@/lib/validation/form";
import { describeIssues, slugSchema } from "@/lib/validation/params";

/**
 * The star button without JavaScript: a form post that toggles the star (or sets
 * it, with `starred=true|false`) and shows the result on my agenda, since the
 * cached page the form came from cannot.
 */

const starFormSchema = z.object({
  slug: slugSchema,
  returnTo: z.string().max(2_000).optional(),
  starred: z.enum(["true", "false"]).optional(),
});

const problem = (status: 400 | 403 | 404, message: string) => jsonError(status, message, privateNoStore);

export async function POST(request: Request, { params }: { params: Promise<{ conf: string }> }) {
  if (isCrossOriginWrite(request)) return problem(403, "Your agenda can only be changed from this site.");
  const { conf } = await params;
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return problem(400, "Send the star form as form data.");
  }
  const parsed = starFormSchema.safeParse(formFields(form));
  if (!parsed.success) return problem(400, `The form's ${describeIssues(parsed.error)}.`);
  const session = await findSession(conf, parsed.data.slug, starTargetSelect);
  if (!session) return problem(404, `No session "${parsed.data.slug}" at conference "${conf}".`);

  const { conference } = session;
  const returnTo = safeReturnPath(parsed.data.returnTo, href.session(conference.slug, session.slug));
  const viewer = await getViewerFromRequest(request);
  if (!viewer) return seeOther(href.signIn(returnTo));

  const starred = parsed.data.starred ? parsed.data.starred === "true" : !(await isStarred(viewer.id, session.id));
  await setStar(viewer.id, session.id, starred);
  return seeOther(href.agenda(conference.slug, { changed: session.slug, back: returnTo }, session.slug));
}
