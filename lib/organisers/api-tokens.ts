import "server-only";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { z } from "zod";
import { db } from "../db/client";
import type { Viewer } from "../auth/request-viewer";

/**
 * Organisers' API tokens, for a CI job or a webhook that pushes the program
 * (`Authorization: Bearer <token>`). The token is 32 random bytes shown once;
 * only its SHA-256 is stored, so a copy of the database grants nothing. A revoked
 * token stays listed, with when it was revoked, and is refused from then on.
 */

const tokenPrefix = "hwy_";

export const apiTokenNameSchema = z.string().trim().min(1, "Give the token a name").max(100, "Keep the name under 100 characters");

export type ApiTokenSummary = { id: string; name: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null };

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

const summary = { id: true, name: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;

/** A new token for an organiser: its plaintext, returned this once, and its row. Null when the viewer is not an organiser. */
export async function createApiToken(viewer: Viewer, name: string): Promise<{ token: string; apiToken: ApiTokenSummary } | null> {
  const organiser = await db.user.count({ where: { id: viewer.id, organiser: true } });
  if (!organiser) return null;
  const token = tokenPrefix + randomBytes(32).toString("base64url");
  const apiToken = await db.apiToken.create({
    data: { id: randomUUID(), userId: viewer.id, name: apiTokenNameSchema.parse(name), tokenHash: hashApiToken(token) },
    select: summary,
  });
  return { token, apiToken };
}

/** The viewer's own tokens, newest first, revoked ones included. */
export async function listApiTokens(viewer: Viewer): Promise<ApiTokenSummary[]> {
  return db.apiToken.findMany({ where: { userId: viewer.id }, select: summary, orderBy: [{ createdAt: "desc" }, { id: "asc" }] });
}

/** Revokes one of the viewer's own tokens; false when they have no such token (or it was already revoked). */
export async function revokeApiToken(viewer: Viewer, id: string): Promise<boolean> {
  const { count } = await db.apiToken.updateMany({ where: { id, userId: viewer.id, revokedAt: null }, data: { revokedAt: new Date() } });
  return count > 0;
}

export type TokenCheck = { ok: true; organiser: Viewer } | { ok: false; status: 401 | 403; error: string };

/** Who a bearer token belongs to: 401 for an unknown or revoked token, 403 when its owner is no longer an organiser. */
export async function organiserFromApiToken(token: string): Promise<TokenCheck> {
  if (!token.startsWith(tokenPrefix) || token.length > 200) return { ok: false, status: 401, error: "That API token is not valid" };
  const found = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(token) },
    select: { id: true, revokedAt: true, user: { select: { id: true, name: true, email: true, organiser: true } } },
  });
  if (!found) return { ok: false, status: 401, error: "That API token is not valid" };
  if (found.revokedAt) return { ok: false, status: 401, error: "That API token was revoked" };
  if (!found.user.organiser) return { ok: false, status: 403, error: "That API token's owner is no longer an organiser" };
  await db.apiToken.update({ where: { id: found.id }, data: { lastUsedAt: new Date() }, select: { id: true } });
  const { organiser: _organiser, ...organiser } = found.user;
  return { ok: true, organiser };
}
