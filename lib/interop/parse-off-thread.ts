import path from "node:path";
import { Worker, type WorkerOptions } from "node:worker_threads";
import type { Program } from "../program/program-schema";
import { parseProgram, type ParseProgramOptions } from "./detect";
import { ProgramFormatError } from "./errors";
import { programFromAnswer, type ParseAnswer, type ParseJob } from "./parse-job";

/**
 * `parseProgram` on a worker thread, for the server: reading a 1,000-event file
 * (JSON or XML, the frab schema, the program's own) is 40–300 ms of CPU that would
 * otherwise hold the event loop, and every page waiting behind it
 * (docs/decisions/0014-live-program.md). One worker, reused, reads one file at a
 * time; a few more wait their turn, and beyond that the parser is busy. It answers
 * what `parseProgram` would: the program, or the same ProgramFormatError or
 * RangeError. A worker that dies or spins on a hostile file is replaced, and the
 * file is refused as unreadable (a 400 to the uploader, never a 500).
 */

export type ProgramParser = {
  parse(text: string, options?: ParseProgramOptions): Promise<Program>;
  /** Stops the worker; files still waiting are refused as busy. */
  close(): Promise<void>;
};

export type ProgramParserOptions = {
  /** Files waiting behind the one being read; one more is refused with ParserBusyError. */
  maxWaiting?: number;
  /** A file still being read after this long is given up on, and its worker replaced. */
  timeoutMs?: number;
  /** The worker's heap: a 20 MB upload needs a few hundred megabytes; a bomb needs more and is stopped. */
  maxHeapMb?: number;
  /** The worker's first module (tests point it elsewhere). */
  workerFile?: string;
};

/** Too many files are being read at once: try again in a moment (the HTTP route answers 429 with Retry-After). */
export class ParserBusyError extends Error {
  override readonly name = "ParserBusyError";
}

/** A worker that has not loaded by then never will: the files are then read on the main thread. */
const startupTimeoutMs = 30_000;

/**
 * Relative to the app's root (the working directory, as next.config's cache handler is):
 * bundled route code has no file of its own to resolve from. A plain .mjs, since a
 * worker's first module is loaded before any `--import` loader hook applies.
 */
const defaultWorkerFile = () => path.join(process.cwd(), "lib", "interop", "parse-worker.mjs");

type Job = ParseJob & { resolve: (program: Program) => void; reject: (error: unknown) => void };

export function createProgramParser(options: ProgramParserOptions = {}): ProgramParser {
  const maxWaiting = options.maxWaiting ?? 4;
  const timeoutMs = options.timeoutMs ?? 60_000;
  let worker: Worker | null = null;
  /** True once this worker has loaded: one that dies before that is broken, not the file it was given. */
  let loaded = false;
  /** The worker could not be started at all: read in this thread, as before, rather than not at all. */
  let unavailable = false;
  let current: { job: Job; timer: NodeJS.Timeout } | null = null;
  const waiting: Job[] = [];

  const settle = (outcome: { answer: ParseAnswer } | { error: unknown }) => {
    if (!current) return;
    const { job, timer } = current;
    current = null;
    clearTimeout(timer);
    if ("error" in outcome) job.reject(outcome.error);
    else {
      try {
        job.resolve(programFromAnswer(outcome.answer));
      } catch (error) {
        job.reject(error);
      }
    }
    next();
  };

  /** The worker died mid-file (out of memory, a crash) or was stopped for taking too long. */
  const lost = (w: Worker, reason: string) => {
    if (worker !== w) return;
    worker = null;
    void w.terminate();
    if (!current) return;
    if (!loaded) {
      unavailable = true;
      console.error(`The program parser's worker did not start (${reason}); reading programs on the main thread.`);
      const { job } = current;
      clearTimeout(current.timer);
      current = null;
      runHere(job);
      return next();
    }
    const source = current.job.options.sourceName;
    settle({ error: new ProgramFormatError("(the document)", `could not be read: ${reason}`, source) });
  };

  const spawn = (): Worker => {
    loaded = false;
    // Not `new Worker(…)`: Turbopack reads that as an entry to bundle, and traces the whole project for a path it cannot pin down.
    const w: Worker = Reflect.construct(Worker, [options.workerFile ?? defaultWorkerFile(), {
      // Not the parent's flags: a test runner's `--test` or a server's `--inspect` have no business here.
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? 1024 },
      stdout: false,
      stderr: false,
    } satisfies WorkerOptions]);
    // An idle worker must not keep a CLI or a test process alive.
    w.unref();
    w.on("message", (message: ParseAnswer | { ready: true }) => {
      if ("ready" in message) {
        if (worker !== w) return;
        loaded = true;
        startClock(w);
      } else if (worker === w) settle({ answer: message });
    });
    w.on("error", (error: Error & { code?: string }) =>
      lost(w, error.code === "ERR_WORKER_OUT_OF_MEMORY" ? "it needs more memory than a schedule file may take" : error.message),
    );
    w.on("exit", (code) => lost(w, `the reader stopped (exit code ${code})`));
    return w;
  };

  const runHere = (job: Job) => {
    try {
      job.resolve(parseProgram(job.text, job.options));
    } catch (error) {
      job.reject(error);
    }
  };

  /** The clock of the file being read: from when the worker has loaded (loading is no fault of the file's). */
  const startClock = (w: Worker) => {
    if (!current) return;
    clearTimeout(current.timer);
    current.timer = setTimeout(() => lost(w, `reading it took longer than ${timeoutMs / 1000} s`), timeoutMs);
  };

  const next = () => {
    if (current) return;
    const job = waiting.shift();
    if (!job) return;
    if (unavailable) {
      runHere(job);
      return next();
    }
    worker ??= spawn();
    const w = worker;
    current = { job, timer: setTimeout(() => lost(w, `it did not load within ${startupTimeoutMs / 1000} s`), startupTimeoutMs) };
    if (loaded) startClock(w);
    w.ref();
    w.postMessage({ text: job.text, options: job.options } satisfies ParseJob);
  };

  return {
    parse(text, parseOptions = {}) {
      return new Promise<Program>((resolve, reject) => {
        if (waiting.length >= maxWaiting) return reject(new ParserBusyError("Other programs are being read; try again in a moment"));
        // Kept referenced only while it has work, so a waiting import keeps the process alive.
        const release = () => void (!current && waiting.length === 0 && worker?.unref());
        waiting.push({
          text,
          options: parseOptions,
          resolve: (program) => (resolve(program), release()),
          reject: (error) => (reject(error), release()),
        });
        next();
      });
    },
    async close() {
      for (const job of waiting.splice(0)) job.reject(new ParserBusyError("The program parser is closing"));
      const w = worker;
      worker = null;
      if (current) settle({ error: new ParserBusyError("The program parser is closing") });
      await w?.terminate();
    },
  };
}

let shared: ProgramParser | undefined;

/** The process's one parser: what the HTTP import, /manage and the URL follower read files with. */
export function parseProgramOffThread(text: string, options?: ParseProgramOptions): Promise<Program> {
  shared ??= createProgramParser();
  return shared.parse(text, options);
}
