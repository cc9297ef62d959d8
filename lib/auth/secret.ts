import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { databaseEngine } from "../db/engine";
import { databaseUrl } from "../db/url";

/**
 * The key that signs session cookies: BETTER_AUTH_SECRET when set; otherwise
 * one generated on first start and kept beside the database file, so a fresh
 * install is secure without configuration and sessions survive restarts.
 */
export function authSecret(): string {
  const fromEnv = process.env.BETTER_AUTH_SECRET;
  if (fromEnv) return fromEnv;
  const dir = databaseEngine().stateDirectory(databaseUrl());
  const file = path.join(dir, ".auth-secret");
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  }
  return readFileSync(file, "utf8").trim();
}
