import { Redis, type RedisOptions } from "ioredis";
import { env } from "./env.server";

/**
 * Connection options follow BullMQ's production guide: workers block and must retry forever
 * (maxRetriesPerRequest: null); producers and request handlers fail fast when Redis is down.
 */
export function createRedis(kind: "worker" | "client", overrides: RedisOptions = {}): Redis {
  const base: RedisOptions =
    kind === "worker"
      ? { maxRetriesPerRequest: null, enableReadyCheck: true }
      : { maxRetriesPerRequest: 1, connectTimeout: 2000, commandTimeout: 2000 };
  const redis = new Redis(env().REDIS_URL, {
    ...base,
    retryStrategy: (times) => Math.min(times * 200, 5000),
    lazyConnect: false,
    ...overrides,
  });
  // Errors are reported by whoever uses the connection; an unhandled 'error' event would crash.
  redis.on("error", () => {});
  return redis;
}

const globalForRedis = globalThis as unknown as { __alcanceRedis?: Redis };

/** Shared client for request handlers (rate limits, health). */
export function redis(): Redis {
  return (globalForRedis.__alcanceRedis ??= createRedis("client"));
}

export function redisKey(...parts: string[]): string {
  return [env().REDIS_PREFIX, ...parts].join(":");
}

/** Closes the shared client if one was opened (scripts end with it: an open socket keeps Node alive). */
export async function closeRedis(): Promise<void> {
  const client = globalForRedis.__alcanceRedis;
  globalForRedis.__alcanceRedis = undefined;
  if (client) await client.quit().catch(() => client.disconnect());
}
