/** The global sending rate, shared by every worker through Redis (see index.server.ts). */
import type { Redis } from "ioredis";
import { createRedis, redisKey } from "~/lib/redis.server";

const log = (...args: unknown[]) => console.error("[bulletins]", ...args);

// ── Global rate ─────────────────────────────────────────────────────────────────────────────────

const TAKE_SCRIPT = `
local used = tonumber(redis.call('GET', KEYS[1]) or '0')
local grant = math.min(tonumber(ARGV[2]), tonumber(ARGV[1]) - used)
if grant <= 0 then return 0 end
redis.call('INCRBY', KEYS[1], grant)
redis.call('PEXPIRE', KEYS[1], 5000)
return grant`;

let rateRedis: Redis | undefined;

function rateConnection(): Redis {
  // Retries forever while Redis restarts (like BullMQ's own worker connections).
  return (rateRedis ??= createRedis("worker"));
}

/**
 * A global rate across every worker: one counter per second in Redis. Each worker takes tokens in
 * small grants (about a twentieth of the rate) so it asks Redis a few times a second, not per message.
 */
export class RateLimiter {
  private tokens = 0;
  private window = -1;
  private chain: Promise<void> = Promise.resolve();
  /** Redis script calls made (for BULLETIN_TIMINGS). */
  calls = 0;
  constructor(readonly perSecond: number) {}

  hasToken(): boolean {
    return this.tokens > 0 && this.window === Math.floor(Date.now() / 1000);
  }

  take(): Promise<void> {
    const next = this.chain.then(() => this.acquire());
    this.chain = next.catch(() => undefined);
    return next;
  }

  private async acquire(): Promise<void> {
    for (;;) {
      const now = Date.now();
      const window = Math.floor(now / 1000);
      if (window === this.window && this.tokens > 0) {
        this.tokens -= 1;
        return;
      }
      const want = Math.max(1, Math.min(100, Math.ceil(this.perSecond / 20)));
      let granted = 0;
      this.calls += 1;
      try {
        granted = Number(await rateConnection().eval(TAKE_SCRIPT, 1, redisKey("bulletin-rate", String(window)), this.perSecond, want));
      } catch (error) {
        log("rate limiter:", (error as Error).message);
        await sleep(250);
        continue;
      }
      this.window = window;
      this.tokens = granted;
      if (granted > 0) {
        this.tokens -= 1;
        return;
      }
      await sleep(1000 - (Date.now() % 1000) + 2);
    }
  }
}

let shared: RateLimiter | undefined;

/**
 * The process's limiter for a rate: kept across chunk jobs so a chunk starts with the tokens the
 * previous one left in this second instead of asking Redis again (a new one is made when the
 * setting changes).
 */
export function sharedRateLimiter(perSecond: number): RateLimiter {
  if (!shared || shared.perSecond !== perSecond) shared = new RateLimiter(perSecond);
  return shared;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));


/** Closes the rate limiter's Redis connection (closePipeline). */
export function closeRateConnection(): void {
  rateRedis?.disconnect();
  rateRedis = undefined;
}
