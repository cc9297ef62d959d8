import type { Program } from "../program/program-schema";
import { parseProgram, type ParseProgramOptions } from "./detect";
import { ProgramFormatError } from "./errors";

/**
 * One schedule file to read, as the parser's worker thread takes it, and its answer as
 * plain data (errors cannot cross a thread as their classes): what `parseProgram`
 * returns or throws, so the caller can rebuild exactly that (lib/interop/parse-off-thread.ts).
 */
export type ParseJob = { text: string; options: ParseProgramOptions };

export type ParseAnswer =
  | { ok: true; program: Program }
  | { ok: false; error: { kind: "format"; where: string; reason: string; source?: string } }
  | { ok: false; error: { kind: "range" | "other"; message: string } };

export function answerParseJob(job: ParseJob): ParseAnswer {
  try {
    return { ok: true, program: parseProgram(job.text, job.options) };
  } catch (error) {
    if (error instanceof ProgramFormatError) return { ok: false, error: { kind: "format", where: error.where, reason: error.reason, source: error.source } };
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { kind: error instanceof RangeError ? "range" : "other", message } };
  }
}

/** The program, or the error `parseProgram` threw in the worker, rebuilt as its own class. */
export function programFromAnswer(answer: ParseAnswer): Program {
  if (answer.ok) return answer.program;
  const { error } = answer;
  if (error.kind === "format") throw new ProgramFormatError(error.where, error.reason, error.source);
  if (error.kind === "range") throw new RangeError(error.message);
  throw new Error(error.message);
}
