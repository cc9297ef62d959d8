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
  const file = authSecretFile();
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  }
  return readFileSync(file, "utf8").trim();
}

/** Where the generated key is kept when BETTER_AUTH_SECRET is not set: beside the database file. */
export function authSecretFile(): string {
  return path.join(databaseEngine().stateDirectory(databaseUrl()), ".auth-secret");
}
