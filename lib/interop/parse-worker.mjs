// The parser's worker thread starts here: plain JavaScript, so Node can load it without tsx's
// loader in place (a worker's first module is read before `--import` hooks apply on Node 20);
// it then registers tsx for this thread and loads the TypeScript worker.
import { register } from "tsx/esm/api";

register();
await import("./parse-worker.ts");
