/**
 * prisma/schema.prisma is the one source of Hallway's models. Prisma allows one provider
 * per schema, so PostgreSQL gets its own schema file, written from that source by this
 * script (run by `postinstall` and by `npm run db -- pg-schema`); a unit test fails when the
 * committed prisma/postgresql/schema.prisma differs from what it writes.
 *   node --import tsx scripts/postgres-schema.ts          write the file
 *   node --import tsx scripts/postgres-schema.ts --check  fail when the committed file is stale
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const root = path.resolve(import.meta.dirname, "..");
export const sourceSchemaPath = path.join(root, "prisma/schema.prisma");
export const postgresSchemaPath = path.join(root, "prisma/postgresql/schema.prisma");

const header = `// Written by scripts/postgres-schema.ts from prisma/schema.prisma: edit that file, then
// run \`npm run db -- pg-schema\`. The models are the same; only the provider and the
// generated client's folder differ.

`;

/** Replaces `from` with `to` inside the named block, failing when the block or the line is not there. */
function inBlock(schema: string, block: RegExp, from: RegExp, to: string): string {
  const match = block.exec(schema);
  if (!match) throw new Error(`prisma/schema.prisma has no ${block.source} block`);
  const [text] = match;
  if (!from.test(text)) throw new Error(`prisma/schema.prisma's ${block.source} block has no ${from.source}`);
  return schema.slice(0, match.index) + text.replace(from, to) + schema.slice(match.index + text.length);
}

/**
 * The PostgreSQL schema for a SQLite one. The models carry no native type attributes
 * (`@db.…`), so Prisma's default mapping for each type fits both engines: String to text,
 * DateTime to timestamp(3) (UTC, as on SQLite), Int @id @default(autoincrement()) to serial.
 */
export function postgresSchema(sqliteSchema: string): string {
  if (/@db\./.test(sqliteSchema)) throw new Error("prisma/schema.prisma uses a native type (@db.…): teach scripts/postgres-schema.ts its PostgreSQL type");
  let schema = inBlock(sqliteSchema, /datasource db \{[^}]*\}/, /provider\s*=\s*"sqlite"/, 'provider = "postgresql"');
  schema = inBlock(schema, /generator client \{[^}]*\}/, /output(\s*)=\s*"\.\.\/lib\/generated\/prisma"/, 'output$1= "../../lib/generated/prisma-pg"');
  return header + schema;
}

export function writePostgresSchema(): boolean {
  const wanted = postgresSchema(readFileSync(sourceSchemaPath, "utf8"));
  let current = "";
  try {
    current = readFileSync(postgresSchemaPath, "utf8");
  } catch {
    // Not written yet.
  }
  if (current === wanted) return false;
  writeFileSync(postgresSchemaPath, wanted);
  return true;
}

export function postgresSchemaIsCurrent(): boolean {
  return readFileSync(postgresSchemaPath, "utf8") === postgresSchema(readFileSync(sourceSchemaPath, "utf8"));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv.includes("--check")) {
    if (!postgresSchemaIsCurrent()) {
      console.error("prisma/postgresql/schema.prisma is stale: run `npm run db -- pg-schema` and commit it.");
      process.exit(1);
    }
  } else if (writePostgresSchema()) {
    console.log(`Wrote ${path.relative(process.cwd(), postgresSchemaPath)}`);
  }
}
