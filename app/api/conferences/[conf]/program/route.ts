import { z } from "zod";
import { db } from "@/lib/db/client";
import { jsonError, personalJson, privateNoStore } from "@/lib/http";
import { ProgramFormatError } from "@/lib/interop/errors";
import { importProgram } from "@/lib/interop/import-program";
import { parseProgramOffThread, ParserBusyError } from "@/lib/interop/parse-off-thread";
import { readUploadText } from "@/lib/interop/read-upload";
import { authenticateOrganiser } from "@/lib/organisers/authenticate";
import { programRevisionMoved } from "@/lib/server/program-changed";
import { describeIssues, searchParamsToRecord, slugSchema } from "@/lib/validation/params";

/**
 * An organiser pushes a conference's program: frab/pretalx schedule.json or Pentabarf
 * schedule.xml as the body, told apart by content as the import CLI does. The URL's slug
 * names the conference (created when new). `?dryRun=1` answers the change set and applies nothing.
 */

type Context = { params: Promise<{ conf: string }> };

const querySchema = z.object({
  dryRun: z
    .enum(["1", "0", "true", "false"], { error: "must be 1 or 0" })
    .optional()
    .transform((value) => value === "1" || value === "true"),
});

/** The file name a client gives (`Content-Disposition: attachment; filename="schedule.json"`), kept with the change set. */
function uploadName(request: Request): string {
  const disposition = request.headers.get("content-disposition") ?? "";
  const name = /filename="?([^";]{1,200})"?/i.exec(disposition)?.[1]?.trim();
  return name || "HTTP upload";
}

export async function PUT(request: Request, context: Context) {
  const { conf } = await context.params;
  const slug = slugSchema.safeParse(conf);
  if (!slug.success) return jsonError(400, `The conference slug ${describeIssues(slug.error)}`, privateNoStore);
  const query = querySchema.safeParse(searchParamsToRecord(new URL(request.url).searchParams));
  if (!query.success) return jsonError(400, describeIssues(query.error), privateNoStore);

  const auth = await authenticateOrganiser(request);
  if (!auth.ok) return auth.response;

  const upload = await readUploadText(request);
  if (!upload.ok) return jsonError(upload.status, upload.error, privateNoStore);
  let program;
  try {
    // On the parser's worker thread: reading a big file here would hold every other request.
    program = await parseProgramOffThread(upload.text, { conferenceSlug: slug.data });
  } catch (error) {
    if (error instanceof ProgramFormatError) return jsonError(400, error.message, privateNoStore);
    if (error instanceof RangeError) return jsonError(400, "The program is nested too deeply to read", privateNoStore);
    // Several uploads at once: the parser reads one and queues a few; this one may come back shortly.
    if (error instanceof ParserBusyError) return jsonError(429, error.message, { ...privateNoStore, "Retry-After": "5" });
    throw error;
  }

  const result = await importProgram(db, program, {
    dryRun: query.data.dryRun,
    source: { kind: "http", name: uploadName(request) },
    userId: auth.organiser.id,
  });
  if (result.applied) await programRevisionMoved();
  const { added, changed, cancelled, restored } = result.changeSet;
  return personalJson({ added, changed, cancelled, restored });
}
