/**
 * Imports a conference program, run as `npm run import -- <file or URL> [--conference-slug <slug>]`:
 * a frab/pretalx/c3voc schedule.json or a Pentabarf/frab schedule.xml, from a
 * file or an http(s) URL. The file is read and parsed completely before the
 * database is touched; loading is one short transaction, so a bad file changes
 * nothing, and a running server (even under load) keeps serving while it lands.
 * It never applies migrations, which are the server's to apply at start: when the
 * database is behind the migrations on disk it says so and changes nothing.
 *
 * Exit codes: 0 imported, 1 the source could not be read or parsed, 2 bad arguments,
 * 3 the database is missing or behind.
 */
import { schemaBehindMessage } from "../lib/db/migration-status";
import { databaseUrl } from "../lib/db/url";
import { parseProgram } from "../lib/interop/detect";
import { ProgramFormatError } from "../lib/interop/errors";
import { slugPattern } from "../lib/interop/ids";
import { formatImportReport, importProgram } from "../lib/interop/import-program";
import { readSource, SourceError } from "../lib/interop/read-source";

const usage = "Usage: npm run import -- <schedule.json | schedule.xml | http(s) URL> [--conference-slug <slug>]";

function parseArguments(args: string[]): { source: string; conferenceSlug?: string } | string {
  let source: string | undefined;
  let conferenceSlug: string | undefined;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg === "--conference-slug" || arg.startsWith("--conference-slug=")) {
      conferenceSlug = arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : args[++i];
      if (!conferenceSlug || !slugPattern.test(conferenceSlug)) return "--conference-slug needs lower-case words joined by hyphens";
    } else if (arg === "--help" || arg === "-h") return "";
    else if (arg.startsWith("--")) return `Unknown option ${arg}`;
    else if (source) return "Give one file or URL";
    else source = arg;
  }
  return source ? { source, conferenceSlug } : "Give a file or URL to import";
}

async function main(args: string[]): Promise<number> {
  const parsed = parseArguments(args);
  if (typeof parsed === "string") {
    console.error(parsed ? `${parsed}\n${usage}` : usage);
    return parsed ? 2 : 0;
  }
  const { source, conferenceSlug } = parsed;

  let program;
  try {
    program = parseProgram(await readSource(source), { sourceName: source, conferenceSlug });
  } catch (error) {
    if (error instanceof SourceError) console.error(`${source}: ${error.message}`);
    else if (error instanceof ProgramFormatError) console.error(error.message);
    else throw error;
    return 1;
  }

  const behind = schemaBehindMessage(databaseUrl());
  if (behind) {
    console.error(behind);
    return 3;
  }
  const { db } = await import("../lib/db/client");
  try {
    const result = await importProgram(db, program, { source: { kind: "cli", name: source } });
    console.log(formatImportReport(result.report));
  } finally {
    await db.$disconnect();
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
