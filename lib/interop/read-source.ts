import { readFile, stat } from "node:fs/promises";

/**
 * What an import reads: a local file, or an http(s) URL, within limits. The CLI,
 * /manage and the follower of a schedule URL all fetch through `fetchSource`.
 */

export type SourceLimits = { timeoutMs?: number; maxBytes?: number; maxRedirects?: number };

export const defaultSourceLimits = { timeoutMs: 30_000, maxBytes: 20 * 1024 * 1024, maxRedirects: 3 } as const;

/** A source that could not be read: the message says why, for a person to act on. */
export class SourceError extends Error {
  override readonly name = "SourceError";
}

export function isUrl(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

/** What the last fetch of a URL answered, for a conditional request next time. */
export type SourceValidators = { etag?: string | null; lastModified?: string | null };

export type FetchedSource =
  | { kind: "unchanged" }
  | { kind: "fetched"; text: string; etag: string | null; lastModified: string | null };

export async function readSource(source: string, limits: SourceLimits = {}): Promise<string> {
  if (!isUrl(source)) {
    const { maxBytes } = { ...defaultSourceLimits, ...limits };
    return decodeUtf8(await readLocal(source, maxBytes));
  }
  const fetched = await fetchSource(source, {}, limits);
  // Without validators a server has nothing to answer 304 to; one that does anyway sent no program.
  if (fetched.kind === "unchanged") throw new SourceError("HTTP 304 Not Modified to an unconditional request");
  return fetched.text;
}

/**
 * Fetches an http(s) URL: conditionally when `validators` come from the last
 * fetch (304 is `unchanged`), following at most `maxRedirects` redirects, each to
 * http(s) only, within one timeout for the whole exchange and a size cap counted
 * as the body streams in (a missing or false Content-Length does not get past it).
 */
export async function fetchSource(url: string, validators: SourceValidators = {}, limits: SourceLimits = {}): Promise<FetchedSource> {
  const { timeoutMs, maxBytes, maxRedirects } = { ...defaultSourceLimits, ...limits };
  const seconds = `${Math.round(timeoutMs / 100) / 10} s`;
  const signal = AbortSignal.timeout(timeoutMs);
  const headers: Record<string, string> = { accept: "application/json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5" };
  if (validators.etag) headers["if-none-match"] = validators.etag;
  if (validators.lastModified) headers["if-modified-since"] = validators.lastModified;
  try {
    let target = httpUrl(url);
    for (let redirects = 0; ; redirects += 1) {
      const response = await fetch(target, { signal, headers, redirect: "manual" });
      if (response.status >= 300 && response.status < 400 && response.status !== 304) {
        await response.body?.cancel();
        const location = response.headers.get("location");
        if (!location) throw new SourceError(`HTTP ${response.status} without a Location to go to`);
        if (redirects >= maxRedirects) throw new SourceError(`more than ${maxRedirects} redirects`);
        target = httpUrl(new URL(location, target).href, "redirects to");
        continue;
      }
      if (response.status === 304) {
        await response.body?.cancel();
        return { kind: "unchanged" };
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new SourceError(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`);
      }
      const text = decodeUtf8(await readBody(response, maxBytes));
      return { kind: "fetched", text, etag: response.headers.get("etag"), lastModified: response.headers.get("last-modified") };
    }
  } catch (error) {
    if (error instanceof SourceError) throw error;
    if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
      throw new SourceError(`no complete answer within ${seconds}`);
    }
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new SourceError(`could not be fetched: ${cause?.code ?? cause?.message ?? (error as Error).message}`);
  }
}

/** The URL when it is http(s); anything else (file:, data:, ftp:) is refused, at the start and after a redirect. */
function httpUrl(value: string, verb = "is"): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new SourceError(`${verb} not a URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new SourceError(`${verb} a ${url.protocol} URL; only http and https are fetched`);
  return url;
}

async function readBody(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get("content-length") ?? NaN);
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new SourceError(`is ${megabytes(declared)}; the limit is ${megabytes(maxBytes)}`);
  }
  if (!response.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    total += read.value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new SourceError(`is larger than the limit of ${megabytes(maxBytes)}`);
    }
    chunks.push(read.value);
  }
  return Buffer.concat(chunks);
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new SourceError("is not UTF-8 text");
  }
}

async function readLocal(file: string, maxBytes: number): Promise<Uint8Array> {
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new SourceError("is not a file");
    if (info.size > maxBytes) throw new SourceError(`is ${megabytes(info.size)}; the limit is ${megabytes(maxBytes)}`);
    return await readFile(file);
  } catch (error) {
    if (error instanceof SourceError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new SourceError("no such file");
    if (code === "EACCES") throw new SourceError("not allowed to read it");
    throw new SourceError(error instanceof Error ? error.message : String(error));
  }
}

export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, "")} MB`;
}
