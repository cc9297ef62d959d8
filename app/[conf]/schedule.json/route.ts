import { db } from "@/lib/db/client";
import { jsonError, publicOrigin, sharedPublic } from "@/lib/http";
import { exportFrabJson } from "@/lib/interop/frab-json";
import { readProgram } from "@/lib/interop/read-program";

/** The whole program in the frab/c3voc schedule JSON that Giggity, ConfClerk and friends read. */
export async function GET(request: Request, { params }: RouteContext<"/[conf]/schedule.json">) {
  const { conf } = await params;
  const program = await readProgram(db, conf);
  if (!program) return jsonError(404, `No conference "${conf}"`);
  return Response.json(exportFrabJson(program, { baseUrl: publicOrigin(request) }), {
    headers: { ...sharedPublic, "Access-Control-Allow-Origin": "*" },
  });
}
