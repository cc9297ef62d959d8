import { readFile, stat } from "node:fs/promises";

/** What an import reads: a local file, or an http(s) URL, within limits. */

export type SourceLimits = { timeoutMs?: number; maxBytes?: number };

export const defaultSourceLimits = { timeoutMs: 30_000, maxBytes: 20 * 1024 * 1024 } as const;

/** A source that could not be read: the message says why, for a person to act on. */
export class SourceError extends Error {
  override readonly name = "SourceError";
}

export function isUrl(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

export async function readSource(source: string, limits: SourceLimits = {}): Promise<string> {
  const { timeoutMs, maxBytes } = { ...defaultSourceLimits, ...limits };
  const bytes = isUrl(source) ? await download(source, timeoutMs, maxBytes) : await readLocal(source, maxBytes);
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

async function download(url: string, timeoutMs: number, maxBytes: number): Promise<Uint8Array> {
  const seconds = `${Math.round(timeoutMs / 100) / 10} s`;
  try {
    const response = await fetch(url, {
      signal: AbortSignal.timeout(timeoutMs),
      headers: { accept: "application/json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5" },
    });
    if (!response.ok) throw new SourceError(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`);
    const declared = Number(response.headers.get("content-length") ?? NaN);
    if (declared > maxBytes) throw new SourceError(`is ${megabytes(declared)}; the limit is ${megabytes(maxBytes)}`);
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
  } catch (error) {
    if (error instanceof SourceError) throw error;
    if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
      throw new SourceError(`no complete answer within ${seconds}`);
    }
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new SourceError(`could not be fetched: ${cause?.code ?? cause?.message ?? (error as Error).message}`);
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, "")} MB`;
}
