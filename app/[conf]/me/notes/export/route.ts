import { getViewerFromRequest } from "@/lib/auth/viewer";
import { jsonError, privateNoStore, seeOther } from "@/lib/http";
import { exportMarkdown } from "@/lib/notes/notes";
import { getConference } from "@/lib/schedule/conference";
import { href } from "@/lib/routes";

type Context = { params: Promise<{ conf: string }> };

/** My notes on a conference as one Markdown file. A signed-out browser is sent to sign in; anything else gets 401. */
export async function GET(request: Request, { params }: Context) {
  const { conf } = await params;
  const conference = await getConference(conf);
  if (!conference) return jsonError(404, `No conference "${conf}"`, privateNoStore);
  const viewer = await getViewerFromRequest(request);
  if (!viewer) {
    if (request.headers.get("accept")?.includes("text/html")) {
      return seeOther(href.signIn(href.notes(conference.slug)));
    }
    return jsonError(401, "Sign in to export your notes", privateNoStore);
  }
  return new Response(await exportMarkdown(viewer.id, conference), {
    headers: {
      ...privateNoStore,
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="${conference.slug}-notes.md"`,
    },
  });
}
