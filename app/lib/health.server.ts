import { db } from "./db.server";
import { redis } from "./redis.server";

/** What anybody may learn from /healthz: up or down, never why (driver errors name hosts, users, ports). */
export type HealthReport = { status: "ok" | "degraded"; postgres: "ok" | "down"; redis: "ok" | "down" };

export type HealthProbes = { postgres: () => Promise<unknown>; redis: () => Promise<unknown> };

const defaultProbes: HealthProbes = {
  postgres: () => db.$queryRaw`SELECT 1`,
  redis: () => redis().ping(),
};

async function probe(name: string, run: () => Promise<unknown>, log: (line: string) => void, timeoutMs: number): Promise<boolean> {
  const start = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      run(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timeout after ${timeoutMs} ms`)), timeoutMs);
        timer.unref();
      }),
    ]);
    return true;
  } catch (error) {
    // The details go to the operator's log only.
    const detail = error instanceof Error ? error.message : String(error);
    log(`[alcance] healthz: ${name} down after ${Math.round(performance.now() - start)} ms: ${detail}`);
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export async function checkHealth(
  probes: HealthProbes = defaultProbes,
  { log = (line: string) => console.error(line), timeoutMs = 2000 }: { log?: (line: string) => void; timeoutMs?: number } = {},
): Promise<HealthReport> {
  const [postgres, redisUp] = await Promise.all([probe("postgres", probes.postgres, log, timeoutMs), probe("redis", probes.redis, log, timeoutMs)]);
  return { status: postgres && redisUp ? "ok" : "degraded", postgres: postgres ? "ok" : "down", redis: redisUp ? "ok" : "down" };
}
