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
  export type Options = { url: string; connections?: number; duration?: number; timeout?: number; headers?: Record<string, string> };
  export default function autocannon(options: Options): Promise<Result>;
}
