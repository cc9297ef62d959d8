/** JSON error bodies are always `{"error": "<what is wrong>"}`. */
export function jsonError(status: 400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 428 | 429, error: string, headers?: HeadersInit) {
  return Response.json({ error }, { status, headers });
}
