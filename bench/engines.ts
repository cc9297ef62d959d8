/**
 * Both engines side by side (issue 12, docs/decisions/0018-postgresql.md): the same generated
 * conference on SQLite and on PostgreSQL, search in process, the 1,000-event import, and one
 * production server on each engine under the same page loads and note saves. PostgreSQL runs on
 * BENCH_POSTGRES_URL when set (a server the bench may create databases on), else on a throwaway
 * cluster started here from the server's binaries (scripts/postgres.ts), else it is skipped with
 * the reason. Every measurement of a database runs in a process of its own or through a server,
 * since lib/db/client.ts binds a process to one DATABASE_URL.
 */
import { randomBytes } from "node:crypto";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { withDatabase } from "../lib/db/postgres-url";
import { postgresBinDir, startCluster, stopCluster } from "../scripts/postgres";
import { freePort, loadTest, startServer, warmUp, type Server } from "./http-load";
import { measureImport, type ImportFigures } from "./import-export";
import { measureNoteSaves } from "./note-saves";
import { measureOpenLoopSaves } from "./signed-in";

const benchDir = import.meta.dirname;

export type SearchFigures = Awaited<ReturnType<(typeof import("./search-latency"))["measureSearchLatency"]>>;
export type Page = { name: string; path: string; minRps?: number; signedIn?: boolean };
type PageFigures = Page & Awaited<ReturnType<typeof loadTest>> & { firstRequestMs: number; firstStatus: number; serverCpuMsPerRequest: number | null };
type ClosedLoop = Awaited<ReturnType<typeof measureNoteSaves>>;
type OpenLoop = Awaited<ReturnType<typeof measureOpenLoopSaves>>;

/** What one engine measured; `generationSeconds` only where this part generated the database. */
export type EngineFigures = {
  engine: "SQLite" | "PostgreSQL";
  generation?: ReturnType<typeof generateInChild>;
  search: SearchFigures;
  importFigures: ImportFigures;
  http: PageFigures[];
  closedLoop: ClosedLoop;
  openLoop: OpenLoop;
  serverErrors?: ReturnType<Server["errors"]>;
};

export type EnginesFigures = { sqlite: EngineFigures; postgresql: EngineFigures | { skipped: string }; postgresServer?: string };

export type EngineOptions = {
  conferenceSlug: string;
  pages: Page[];
  durationSeconds: number;
  saveSeconds: number;
  openLoopRate: number;
  log: (message: string) => void;
};

/** `searchSessions` in a process of its own on `databaseUrl` (bench/search.ts): p50/p95/p99 overall, per kind and per step. */
export function measureSearch(databaseUrl: string, slug: string, perCategory = 170): SearchFigures {
  const child = spawnSync(process.execPath, ["--import", "tsx", path.join(benchDir, "search.ts"), databaseUrl, slug, String(perCategory)], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 16 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`bench/search.ts failed with exit code ${child.status}`);
  return JSON.parse(child.stdout.trim().split("\n").at(-1)!) as SearchFigures;
}

type Generation = Awaited<ReturnType<(typeof import("./generate"))["generateBenchDatabase"]>>;

/** Generates the bench database at `databaseUrl` in a process of its own (bench/generate-child.ts): its time, and each stage's. */
export function generateInChild(databaseUrl: string): { totalSeconds: number } & Generation {
  const started = performance.now();
  const child = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(benchDir, "generate-child.ts"), databaseUrl], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 16 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`bench/generate-child.ts failed with exit code ${child.status}`);
  return { totalSeconds: (performance.now() - started) / 1000, ...(JSON.parse(child.stdout.trim().split("\n").at(-1)!) as Generation) };
}

/** Each page warmed, then loaded with autocannon, with the server's CPU per request. */
export async function loadPages(server: Server, pages: Page[], durationSeconds: number, log: (message: string) => void): Promise<PageFigures[]> {
  const figures: PageFigures[] = [];
  for (const page of pages) {
    log(`Load: ${page.path} (${durationSeconds} s, 32 connections)`);
    const warm = await warmUp(server.origin + page.path);
    const cpuBefore = server.cpuMs();
    const load = await loadTest(server.origin + page.path, durationSeconds);
    figures.push({ ...page, firstRequestMs: warm.firstMs, firstStatus: warm.firstStatus, ...load, serverCpuMsPerRequest: load.requests ? (server.cpuMs() - cpuBefore) / load.requests : null });
  }
  return figures;
}

/**
 * One production server on `databaseUrl`: the pages, then note saves in the closed loop (50
 * writers without pause) and the open loop (`openLoopRate` saves/s), every save read back from
 * `database` (the SQLite file, or the PostgreSQL URL).
 */
export async function measureServer(databaseUrl: string, database: string, options: EngineOptions, extraEnv: Record<string, string> = {}) {
  const server = await startServer(databaseUrl, extraEnv);
  try {
    const http = await loadPages(server, options.pages, options.durationSeconds, options.log);
    options.log(`Note saves, closed loop: 50 writers for ${options.saveSeconds} s …`);
    const closedLoop = await measureNoteSaves(server.origin, database, 50, options.saveSeconds);
    options.log(`Note saves, open loop: ${options.openLoopRate}/s for ${options.saveSeconds} s …`);
    const openLoop = await measureOpenLoopSaves(server.origin, database, { rate: options.openLoopRate, seconds: options.saveSeconds, users: 50 });
    return { http, closedLoop, openLoop, serverErrors: server.errors() };
  } finally {
    await server.stop();
  }
}

/**
 * A PostgreSQL server to bench on: BENCH_POSTGRES_URL, else a throwaway cluster on
 * BENCH_POSTGRES_PORT (or a free port), stopped when `work` ends; `skipped` says why there is none.
 */
export async function withPostgres<T>(work: (serverUrl: string, label: string) => Promise<T>): Promise<T | { skipped: string }> {
  const given = process.env.BENCH_POSTGRES_URL;
  if (given) return work(given, `BENCH_POSTGRES_URL (${new URL(given).host})`);
  const bin = postgresBinDir();
  if (!bin) return { skipped: "no PostgreSQL server binaries (install postgresql and postgresql-contrib, set PG_BIN, or set BENCH_POSTGRES_URL)" };
  const port = Number(process.env.BENCH_POSTGRES_PORT) || (await freePort());
  const cluster = startCluster(port);
  try {
    return await work(cluster.url, `a throwaway cluster (${bin}, port ${port}, fsync off)`);
  } finally {
    stopCluster(cluster.dir);
  }
}

/**
 * The PostgreSQL column: the bench conference generated into a new database, then everything the
 * SQLite column has; then `more` (the cluster rows) on the same database, its failure a figure.
 */
export async function measurePostgres<More = never>(options: EngineOptions, more?: (benchUrl: string) => Promise<More>) {
  return withPostgres(async (serverUrl, label) => {
    const benchUrl = withDatabase(serverUrl, `hallway_bench_${randomBytes(3).toString("hex")}`);
    options.log(`PostgreSQL on ${label}: generating the bench conference …`);
    const generation = generateInChild(benchUrl);
    options.log("PostgreSQL: search in process …");
    const search = measureSearch(benchUrl, options.conferenceSlug);
    options.log("PostgreSQL: import (1,000 events, twice) …");
    const importFigures = measureImport(withDatabase(serverUrl, `hallway_import_${randomBytes(3).toString("hex")}`));
    options.log("PostgreSQL: the production server …");
    // Several instances share a database, so PostgreSQL requires the cookie key to be given.
    const served = await measureServer(benchUrl, benchUrl, options, { BETTER_AUTH_SECRET: process.env.BETTER_AUTH_SECRET ?? randomBytes(32).toString("hex") });
    const figures: EngineFigures = { engine: "PostgreSQL", generation, search, importFigures, ...served };
    const extra = more ? await more(benchUrl).catch((error: unknown) => ({ skipped: `failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}` })) : undefined;
    return { figures, label, more: extra };
  });
}

export function printEngines(r: EnginesFigures, searchP95TargetMs: number, table: (title: string, headers: string[], rows: string[][]) => void) {
  const pg = "skipped" in r.postgresql ? null : r.postgresql;
  if (!pg) console.log(`PostgreSQL skipped: ${(r.postgresql as { skipped: string }).skipped}\n`);
  const engines = [r.sqlite, ...(pg ? [pg] : [])];
  const ms = (n: number | null | undefined) => (n === null || n === undefined || Number.isNaN(n) ? "—" : `${n.toFixed(1)} ms`);
  const row = (label: string, cell: (e: EngineFigures) => string) => [label, ...engines.map(cell)];
  const stage = (e: EngineFigures, name: string) => e.search.stages.find((s) => s.stage === name);
  const rows = [
    row("generation of the bench database (program, users + notes)", (e) => {
      const g = e.generation;
      return g ? `${g.totalSeconds.toFixed(1)} s (${g.seconds.program?.toFixed(1)} s, ${g.seconds.notes?.toFixed(1)} s)` : "(above)";
    }),
    row(`search p50 / p95 / p99 (${r.sqlite.search.overall.count} queries)`, (e) => `${ms(e.search.overall.p50)} / ${ms(e.search.overall.p95)} / ${ms(e.search.overall.p99)}`),
    ...r.sqlite.search.byCategory.map((c) =>
      row(`  ${c.category} p50 / p95`, (e) => {
        const k = e.search.byCategory.find((x) => x.category === c.category);
        return k ? `${ms(k.p50)} / ${ms(k.p95)}` : "—";
      }),
    ),
    ...["rank", "highlight", "summaries"].map((name) => row(`  step ${name} p50 / p95`, (e) => `${ms(stage(e, name)?.p50)} / ${ms(stage(e, name)?.p95)}`)),
    row("import 1,000 events (new)", (e) => `${ms(e.importFigures.firstMs)} (${e.importFigures.firstAdded} added)`),
    row("re-import unchanged", (e) => `${ms(e.importFigures.againMs)} (${e.importFigures.againChanged} changed)`),
    ...r.sqlite.http.map((h, i) =>
      row(`${h.name}: req/s, p99, CPU/req`, (e) => {
        const x = e.http[i];
        return x ? `${x.requestsPerSecond.toFixed(0)}, ${x.p99Ms} ms, ${ms(x.serverCpuMsPerRequest)}${x.non2xx || x.errors ? ` (${x.non2xx} non-2xx, ${x.errors} errors)` : ""}` : "—";
      }),
    ),
    row("note saves, closed loop (50 writers): saves/s, p50, p99", (e) => `${e.closedLoop.savesPerSecond.toFixed(0)}, ${ms(e.closedLoop.p50Ms)}, ${ms(e.closedLoop.p99Ms)}`),
    row("  failed, lost", (e) => `${e.closedLoop.failed}, ${e.closedLoop.lost} of ${e.closedLoop.checked}`),
    row(`note saves, open loop (${r.sqlite.openLoop.rate}/s offered): saves/s, p50, p99`, (e) => `${e.openLoop.savesPerSecond.toFixed(0)}, ${ms(e.openLoop.p50Ms)}, ${ms(e.openLoop.p99Ms)}`),
    row("  failed, lost", (e) => `${e.openLoop.failed}, ${e.openLoop.lost} of ${e.openLoop.checked}`),
  ];
  table(`Both engines side by side, one instance each, the same generated data${r.postgresServer ? ` (PostgreSQL: ${r.postgresServer})` : ""}`, ["measure", ...engines.map((e) => e.engine)], rows);
  if (pg) {
    const ok = pg.search.overall.p95 <= searchP95TargetMs;
    console.log(`PostgreSQL search p95 ${ms(pg.search.overall.p95)}, target ≤ ${searchP95TargetMs} ms ${ok ? "✓" : "✗"}\n`);
    for (const f of [...pg.closedLoop.failures, ...pg.openLoop.failures].slice(0, 5)) console.log(`PostgreSQL save failure: ${f}`);
    if (pg.serverErrors?.lineCount) console.log(`PostgreSQL server stderr: ${pg.serverErrors.lineCount} lines; the first:\n  ${pg.serverErrors.firstLines.slice(0, 6).join("\n  ")}\n`);
  }
}
