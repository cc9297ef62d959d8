// autocannon ships no types and @types/autocannon is not installed: the few fields the benchmark reads.
declare module "autocannon" {
  type Histogram = { average: number; p50: number; p99: number; max: number; total: number };
  export type Result = {
    requests: Histogram;
    latency: Histogram;
    throughput: Histogram;
    non2xx: number;
    errors: number;
    timeouts: number;
  };
  /** One request of a sequence each connection goes through in turn; `context` lives for one round of the sequence. */
  export type Request = {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
    setupRequest?: (request: Request, context: Record<string, never>) => Request;
    onResponse?: (status: number, body: string, context: Record<string, never>) => void;
  };
  /** One connection: `setupClient` may give it a sequence of its own. */
  export type Client = { setRequests(requests: Request[]): void };
  export type Options = {
    url: string;
    connections?: number;
    duration?: number;
    timeout?: number;
    headers?: Record<string, string>;
    requests?: Request[];
    setupClient?: (client: Client) => void;
  };
  /** A run under way: awaited for its result, or stopped early; every answer is reported as it comes. */
  export type Instance = PromiseLike<Result> & {
    on(event: "response", listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void): Instance;
    on(event: "reqError", listener: (error: Error) => void): Instance;
    stop(): void;
  };
  export default function autocannon(options: Options): Instance;
}
