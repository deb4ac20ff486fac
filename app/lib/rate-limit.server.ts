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

export type Allowance = { bucket: string; limit: number; windowSeconds: number };

// All or nothing, in one step: either every bucket is under its limit and each counts one more,
// or none moves (so a refused caller never pushes its own wait further out).
const TAKE = `
local wait = 0
for i, key in ipairs(KEYS) do
  if tonumber(redis.call('GET', key) or '0') >= tonumber(ARGV[2 * i - 1]) then
    local ttl = redis.call('TTL', key)
    if ttl < 0 then ttl = tonumber(ARGV[2 * i]) end
    if ttl > wait then wait = ttl end
  end
end
if wait > 0 then return wait end
for i, key in ipairs(KEYS) do
  redis.call('INCR', key)
  redis.call('EXPIRE', key, ARGV[2 * i], 'NX')
end
return 0
`;

/** Counts one use against every allowance, or against none when any is used up. */
export async function take(allowances: Allowance[]): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const keys = allowances.map((a) => redisKey("ratelimit", a.bucket));
  const args = allowances.flatMap((a) => [String(a.limit), String(a.windowSeconds)]);
  const wait = Number(await redis().eval(TAKE, keys.length, ...keys, ...args));
  return { allowed: wait === 0, retryAfterSeconds: wait };
}

/** One more on a counter that lasts until windowSeconds pass without any (a sliding expiry). */
export async function bump(bucket: string, windowSeconds: number): Promise<number> {
  const key = redisKey("ratelimit", bucket);
  const result = await redis().multi().incr(key).expire(key, windowSeconds).exec();
  if (!result) throw new Error("Rate limiter transaction aborted");
  return Number(result[0]?.[1] ?? 0);
}

export async function current(bucket: string): Promise<number> {
  return Number((await redis().get(redisKey("ratelimit", bucket))) ?? 0);
}
