/**
 * A Redis server for tests: REDIS_TEST_URL when set (then it must answer), else one
 * already listening on the test port (REDIS_TEST_PORT, default 56379), else one this
 * process starts there and stops when it exits (scripts/redis.ts). Without redis-server
 * the Redis tests are skipped, saying why.
 */
import { defaultRedisPort, redisAnswers, redisServerBinary, startRedis } from "../../scripts/redis";

export type RedisTestServer = { url: string } | { skip: string };

let server: Promise<RedisTestServer> | undefined;

export function redisTestServer(): Promise<RedisTestServer> {
  return (server ??= findServer());
}

async function findServer(): Promise<RedisTestServer> {
  if (process.env.REDIS_TEST_URL) return { url: process.env.REDIS_TEST_URL };
  const port = Number(process.env.REDIS_TEST_PORT ?? defaultRedisPort);
  if (await redisAnswers(port)) return { url: `redis://127.0.0.1:${port}` };
  if (!redisServerBinary()) return { skip: "no redis-server: set REDIS_TEST_URL, or install redis-server so the tests start one" };
  const started = await startRedis({ port });
  return { url: started.url };
}
