import { redis, redisKey } from "./redis.server";

export type RateLimitResult = { allowed: boolean; count: number; retryAfterSeconds: number };

/**
 * Fixed-window counter in Redis, so the limit holds across every web instance.
 * One round trip: INCR, set the expiry only on the first hit, read the TTL.
 */
export async function hit(bucket: string, limit: number, windowSeconds: number): Promise<RateLimitResult> {
  const key = redisKey("ratelimit", bucket);
  const result = await redis().multi().incr(key).expire(key, windowSeconds, "NX").ttl(key).exec();
  if (!result) throw new Error("Rate limiter transaction aborted");
  const count = Number(result[0]?.[1] ?? 0);
  const ttl = Number(result[2]?.[1] ?? windowSeconds);
  return { allowed: count <= limit, count, retryAfterSeconds: ttl > 0 ? ttl : windowSeconds };
}

export async function peek(bucket: string, limit: number): Promise<boolean> {
  const value = await redis().get(redisKey("ratelimit", bucket));
  return Number(value ?? 0) < limit;
}

export async function reset(bucket: string): Promise<void> {
  await redis().del(redisKey("ratelimit", bucket));
}
