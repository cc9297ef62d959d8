import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypeScript from "eslint-config-next/typescript";

/** Everywhere code lives outside lib/db and lib/search, the two folders that know the database engine. */
const engineUnaware = ["./app", "./components", "./lib/!(db|search)/**", "./lib/*.ts", "./scripts", "./bench", "./e2e", "./prisma", "./proxy.ts"];

/** Which way the layers point (docs/decisions/0013-one-engine-seam.md); checked on resolved paths, so `@/` and `../` alike. */
const importBoundaries = [
  {
    target: ["./components", "./lib"],
    from: "./app",
    message: "components/ and lib/ never import app/: pass a server action in as a prop.",
  },
  {
    target: "./components",
    from: "./lib/db",
    message: "components/ never import lib/db: a page reads through the data layer and passes plain values in.",
  },
  {
    target: [...engineUnaware, "./lib/search/!(fts5|fts5.test).ts"],
    from: "./lib/db/sqlite.ts",
    message: "Only lib/db and the SQLite search implementation know SQLite: use db and readSql (lib/db/client.ts) or the engine (lib/db/engine.ts).",
  },
  {
    target: [...engineUnaware, "./lib/search/!(postgres|postgres.test|postgres-index-sync.test).ts"],
    from: "./lib/db/postgres.ts",
    message: "Only lib/db and the PostgreSQL search implementation know PostgreSQL: use db and readSql (lib/db/client.ts) or the engine (lib/db/engine.ts).",
  },
  {
    target: engineUnaware,
    from: "./lib/search/postgres.ts",
    message: "postgres.ts is one search implementation: use searchEngine() (lib/search/engine.ts), or searchSessions (lib/schedule/session-search.ts).",
  },
  {
    target: engineUnaware,
    from: "./lib/search/fts5.ts",
    message: "fts5.ts is one search implementation: use searchEngine() (lib/search/engine.ts), or searchSessions (lib/schedule/session-search.ts).",
  },
  {
    target: "./components/search",
    from: "./components/schedule",
    message: "components/schedule uses components/search, not the reverse: a part both need belongs in components/session or components/ui.",
  },
];

const driverImport = (engine) => (name) => ({
  name,
  message: `Only lib/db talks to the ${engine} driver: use db and readSql (lib/db/client.ts) or the engine (lib/db/engine.ts).`,
});
const sqliteDriver = ["better-sqlite3", "@prisma/adapter-better-sqlite3"].map(driverImport("SQLite"));
const postgresDriver = ["pg", "@prisma/adapter-pg"].map(driverImport("PostgreSQL"));
// The benchmark bulk-loads, the migration test inspects the SQLite file itself, and the live-program
// e2e helpers make fixtures (API tokens) in the e2e database.
const sqliteDriverUsers = ["lib/search/fts5.ts", "bench/generate.ts", "bench/note-saves.ts", "scripts/migrations.test.ts", "e2e/support/live-program.ts"];
const postgresDriverUsers = ["lib/test/postgres.ts", "scripts/migrations-postgres.test.ts", "bench/postgres.ts"];

const config = [
  ...nextCoreWebVitals,
  ...nextTypeScript,
  {
    ignores: [".next/**", ".next-*/**", "e2e/.data/**", "node_modules/**", "lib/generated/**", "data/**", "bench/data/**", "bench/results/**", "playwright-report/**", "test-results/**", "next-env.d.ts", "public/sw.js"],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The files eslint-config-next lints, and so gives the import plugin to.
    files: ["**/*.{js,jsx,mjs,ts,tsx,mts,cts}"],
    rules: {
      "import/no-restricted-paths": ["error", { zones: importBoundaries }],
    },
  },
  {
    // lib/search is beneath lib/schedule: the schedule turns what search finds into sessions.
    // Its tests search through lib/schedule, as the pages do.
    files: ["lib/search/**"],
    ignores: ["**/*.test.ts"],
    rules: {
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            ...importBoundaries,
            { target: "./lib/search", from: "./lib/schedule", message: "lib/search never imports lib/schedule: the schedule uses search, not the reverse." },
          ],
        },
      ],
    },
  },
  // Only lib/db talks to a database driver. The benchmark bulk-loads and the migration test
  // inspects the SQLite file itself; the PostgreSQL test helpers and the benchmark's bench/postgres.ts
  // create and drop databases (the benchmark also bulk-loads there).
  {
    files: ["**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}"],
    ignores: ["lib/db/**", ...sqliteDriverUsers, ...postgresDriverUsers],
    rules: { "no-restricted-imports": ["error", { paths: [...sqliteDriver, ...postgresDriver] }] },
  },
  { files: sqliteDriverUsers, rules: { "no-restricted-imports": ["error", { paths: postgresDriver }] } },
  { files: postgresDriverUsers, rules: { "no-restricted-imports": ["error", { paths: sqliteDriver }] } },
  // Next loads a cache handler with require(), so the handlers and what they share are CommonJS.
  { files: ["lib/cache/*.cjs"], rules: { "@typescript-eslint/no-require-imports": "off" } },
];

export default config;
