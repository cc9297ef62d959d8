/**
 * Changes to the test server's database that no API makes (a session cancelled by
 * an import, say), through the app's own data layer in a process of its own,
 * pointed at the database e2e/support/serve.ts created.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
const databaseUrl = `file:${path.join(root, "e2e", ".data", "e2e.db")}`;

export function setSessionStatus(sessionSlug: string, status: "scheduled" | "cancelled") {
  const code = `
    const { db } = await import(${JSON.stringify(path.join(root, "lib", "db", "client.ts"))});
    const { count } = await db.session.updateMany({ where: { slug: ${JSON.stringify(sessionSlug)} }, data: { status: ${JSON.stringify(status)} } });
    if (count !== 1) throw new Error("expected one session, changed " + count);
    await db.$disconnect();`;
  const result = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`setSessionStatus failed: ${result.stderr}`);
}
