/**
 * The worker thread that reads schedule files for the running server
 * (lib/interop/parse-off-thread.ts starts it): one job at a time, answered as plain data.
 */
import { parentPort } from "node:worker_threads";
import { answerParseJob, type ParseJob } from "./parse-job";

parentPort!.on("message", (job: ParseJob) => parentPort!.postMessage(answerParseJob(job)));
// Loaded: from here on, a worker that dies was killed by the file it was reading.
parentPort!.postMessage({ ready: true });
