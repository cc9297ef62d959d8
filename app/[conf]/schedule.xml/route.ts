import { db } from "@/lib/db/client";
import { publicOrigin } from "@/lib/http";
import { exportPentabarfXml } from "@/lib/interop/pentabarf-xml";
import { readProgram } from "@/lib/interop/read-program";

/** The whole program in the Pentabarf/frab schedule XML. */
export async function GET(request: Request, { params }: RouteContext<"/[conf]/schedule.xml">) {
  const { conf } = await params;
  const program = await readProgram(db, conf);
  if (!program) return new Response(`No conference "${conf}"\n`, { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(exportPentabarfXml(program, { baseUrl: publicOrigin(request) }), {
    headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" },
  });
}
