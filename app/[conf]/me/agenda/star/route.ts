import { z } from "zod";
import { findStarTarget, isStarred, setStar } from "@/lib/agenda/agenda";
import { signInToStar } from "@/lib/agenda/star-intent";
import { getViewerFromRequest, safeReturnPath } from "@/lib/auth/viewer";
import { isCrossOriginWrite, privateNoStore } from "@/lib/http";
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

const seeOther = (location: string) => new Response(null, { status: 303, headers: { ...privateNoStore, Location: location } });

const problem = (status: 400 | 403 | 404, message: string) =>
  new Response(`${message}\n`, { status, headers: { ...privateNoStore, "Content-Type": "text/plain; charset=utf-8" } });

export async function POST(request: Request, { params }: { params: Promise<{ conf: string }> }) {
  if (isCrossOriginWrite(request)) return problem(403, "Your agenda can only be changed from this site.");
  const { conf } = await params;
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return problem(400, "Send the star form as form data.");
  }
  const parsed = starFormSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return problem(400, `The form's ${describeIssues(parsed.error)}.`);
  const target = await findStarTarget(conf, parsed.data.slug);
  if (!target) return problem(404, `No session "${parsed.data.slug}" at conference "${conf}".`);

  const { conference, session } = target;
  const returnTo = safeReturnPath(parsed.data.returnTo, `/${conference.slug}/sessions/${session.slug}`);
  const viewer = await getViewerFromRequest(request);
  // Signed out, the star is carried through sign-in and set there; an explicit unstar needs nothing carried.
  if (!viewer) return seeOther(parsed.data.starred === "false" ? `/sign-in?next=${encodeURIComponent(returnTo)}` : signInToStar(returnTo, session.slug));

  const starred = parsed.data.starred ? parsed.data.starred === "true" : !(await isStarred(viewer.id, session.id));
  await setStar(viewer.id, session.id, starred);
  return seeOther(`/${conference.slug}/me/agenda?${new URLSearchParams({ changed: session.slug, back: returnTo })}#${session.slug}`);
}
