import { db } from "./db.server";
import { redis } from "./redis.server";

type Check = { ok: boolean; ms: number; error?: string };

async function timed(probe: () => Promise<unknown>, timeoutMs = 2000): Promise<Check> {
  const start = performance.now();
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => setTimeout(() => reject(new Error(`timeout after ${timeoutMs} ms`)), timeoutMs).unref()),
    ]);
    return { ok: true, ms: Math.round(performance.now() - start) };
  } catch (error) {
    return { ok: false, ms: Math.round(performance.now() - start), error: error instanceof Error ? error.message : String(error) };
  }
}

export async function checkHealth() {
  const [postgres, redisCheck] = await Promise.all([timed(() => db.$queryRaw`SELECT 1`), timed(() => redis().ping())]);
  return { ok: postgres.ok && redisCheck.ok, postgres, redis: redisCheck };
}
