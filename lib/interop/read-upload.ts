/**
 * The body of a program upload, read with a byte cap: a declared Content-Length over
 * the cap is refused before reading, and a body that runs past it (chunked, or lying
 * about its length) is cut off there, so a 200 MB upload never sits in memory.
 */

/** A real program, 10,000 sessions with abstracts, is a few megabytes. */
export const maxUploadBytes = 20 * 1024 * 1024;

export type UploadText = { ok: true; text: string } | { ok: false; status: 400 | 413; error: string };

export async function readUploadText(request: Request, maxBytes = maxUploadBytes): Promise<UploadText> {
  const tooLarge = { ok: false, status: 413, error: `The program is larger than the limit of ${maxBytes / 1024 / 1024} MB` } as const;
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (declared > maxBytes) return tooLarge;
  if (!request.body) return { ok: false, status: 400, error: "Send the program as the request body: a frab/pretalx schedule.json or a Pentabarf schedule.xml" };
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body.getReader();
  try {
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      total += read.value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => {});
        return tooLarge;
      }
      chunks.push(read.value);
    }
  } catch {
    return { ok: false, status: 400, error: "The upload was cut off before its end" };
  }
  if (total === 0) return { ok: false, status: 400, error: "The body is empty: send a frab/pretalx schedule.json or a Pentabarf schedule.xml" };
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks, total)) };
  } catch {
    return { ok: false, status: 400, error: "The program is not UTF-8 text" };
  }
}
