import { db } from "@/lib/db/client";
import { jsonError, publicOrigin, sharedPublic } from "@/lib/http";
import { exportPentabarfXml } from "@/lib/interop/pentabarf-xml";
import { readProgram } from "@/lib/interop/read-program";

/** The whole program in the Pentabarf/frab schedule XML. */
export async function GET(request: Request, { params }: RouteContext<"/[conf]/schedule.xml">) {
  const { conf } = await params;
  const program = await readProgram(db, conf);
  if (!program) return jsonError(404, `No conference "${conf}"`);
  return new Response(exportPentabarfXml(program, { baseUrl: publicOrigin(request) }), {
    headers: { "Content-Type": "application/xml; charset=utf-8", ...sharedPublic, "Access-Control-Allow-Origin": "*" },
  });
}
