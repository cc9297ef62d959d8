import { execFileSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

export type ImportFigures = {
  bytes: number;
  counts: { sessions: number; speakers: number; rooms: number };
  firstMs: number;
  firstAdded: number;
  againMs: number;
  againChanged: number;
  againUnchanged: number;
};

/**
 * Imports a generated 1,000-event frab schedule into an empty database, twice (bench/import.ts):
 * bench/data/import.db, or the PostgreSQL database `database` names.
 */
export function measureImport(database = path.join(root, "bench", "data", "import.db")): ImportFigures {
  const output = execFileSync(
    process.execPath,
    ["--experimental-wasm-modules", "--no-warnings=ExperimentalWarning", "--import", "tsx", path.join(root, "bench", "import.ts"), database],
    { cwd: root, encoding: "utf8", env: { ...process.env, DATABASE_URL: "" } },
  );
  return JSON.parse(output.trim().split("\n").at(-1)!) as ImportFigures;
}

/** How long reading the big conference back and writing each export format takes, in process. */
export async function measureExports(conferenceSlug: string) {
  const { db } = await import("../lib/db/client");
  const { readProgram } = await import("../lib/interop/read-program");
  const { exportFrabJson } = await import("../lib/interop/frab-json");
  const { exportPentabarfXml } = await import("../lib/interop/pentabarf-xml");
  const { readCalendar } = await import("../lib/interop/read-calendar");
  const { calendarForSessions } = await import("../lib/interop/ical");
  const time = async (work: () => Promise<number> | number) => {
    const started = performance.now();
    const bytes = await work();
    return { ms: performance.now() - started, bytes };
  };
  const readStarted = performance.now();
  const program = (await readProgram(db, conferenceSlug))!;
  const read = { ms: performance.now() - readStarted };
  const json = await time(() => JSON.stringify(exportFrabJson(program, { baseUrl: "https://hallway.example" })).length);
  const xml = await time(() => exportPentabarfXml(program, { baseUrl: "https://hallway.example" }).length);
  const ics = await time(async () => {
    const calendar = (await readCalendar(db, conferenceSlug))!;
    return calendarForSessions({ name: calendar.conference.name, sessions: calendar.sessions, conference: calendar.conference, uidDomain: "hallway.example", baseUrl: "https://hallway.example" }).length;
  });
  return { sessions: program.sessions.length, readMs: read.ms, json, xml, ics };
}
