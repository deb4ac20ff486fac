/**
 * Tunables of the sending pipeline, from the environment (validated once). The send rate is a
 * per-installation setting (Settings.sendRatePerSecond); these are per-deployment.
 */
import { z } from "zod";

const schema = z.object({
  // Messages in flight at once per worker process: the size of the SMTP connection pool.
  BULLETIN_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(5),
  // Chunk jobs one worker process runs at once. They share the process's BULLETIN_CONCURRENCY
  // lanes (never more messages in flight); a second job is fetched and set up while the first
  // drains, so the lanes do not idle at chunk boundaries (docs/decisions/031).
  BULLETIN_JOBS: z.coerce.number().int().min(1).max(4).default(2),
  // Deliveries per job: ids [k·N, (k+1)·N) of one bulletin form job k.
  BULLETIN_CHUNK: z.coerce.number().int().min(10).max(5000).default(200),
  // How often the worker re-queues pending deliveries from the database and starts scheduled sends.
  BULLETIN_RECONCILE_MS: z.coerce.number().int().min(500).max(600_000).default(15_000),
  // A delivery is retried this many times on temporary failures, then marked failed.
  BULLETIN_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
  // Fraction of failed messages in one job's window that pauses the bulletin, and the minimum window.
  BULLETIN_FAILURE_THRESHOLD: z.coerce.number().min(0).max(1).default(0.05),
  BULLETIN_FAILURE_MIN_WINDOW: z.coerce.number().int().min(1).default(20),
  // Base delay of the exponential backoff (with jitter) between retries of temporary failures.
  BULLETIN_RETRY_DELAY_MS: z.coerce.number().int().min(50).default(1000),
  // "1": one `[bulletins] timing {…}` line per chunk (setup, lanes, statements, gate waits) for the bench.
  BULLETIN_TIMINGS: z.enum(["0", "1"]).default("0"),
});

export type BulletinConfig = z.infer<typeof schema>;

let cached: BulletinConfig | undefined;

export function bulletinConfig(): BulletinConfig {
  if (!cached) {
    const cleaned = Object.fromEntries(Object.entries(process.env).filter(([k, v]) => k.startsWith("BULLETIN_") && v !== undefined && v !== ""));
    const result = schema.safeParse(cleaned);
    if (!result.success) {
      throw new Error(`Invalid bulletin configuration: ${result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
    }
    cached = result.data;
  }
  return cached;
}
