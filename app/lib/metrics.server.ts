/**
 * Prometheus metrics (decision 035). The web process owns `webRegistry` (HTTP durations, queue
 * depths read from Redis at scrape time, its PostgreSQL pool); each worker owns a `workerRegistry`
 * (job durations, bulletin messages, import rows, its pool) and publishes it to Redis every few
 * seconds, where /metrics reads and sums the workers' figures. So one scrape of the web server
 * shows the whole installation, and a worker needs no port of its own.
 */
import os from "node:os";
import { AggregatorRegistry, Counter, Gauge, Histogram, Registry, collectDefaultMetrics, type MetricObjectWithValues, type MetricValue } from "prom-client";
import { openPools } from "../../prisma/pg-adapter";
import { QUEUES, getQueue } from "./queue.server";
import { redis, redisKey } from "./redis.server";

const WORKERS_KEY = () => redisKey("metrics", "workers");
/** A worker not heard of for this long is gone (its counters leave the sum). */
const WORKER_STALE_MS = 60_000;
export const WORKER_PUBLISH_MS = 5_000;

export const QUEUE_STATES = ["waiting", "active", "delayed", "prioritized", "waiting-children", "completed", "failed"] as const;

function poolGauge(registry: Registry, name: string) {
  new Gauge({
    name,
    help: "PostgreSQL pool connections of this process by state (total, idle, waiting clients, max)",
    labelNames: ["state"],
    registers: [registry],
    collect() {
      let total = 0;
      let idle = 0;
      let waiting = 0;
      let max = 0;
      for (const pool of openPools) {
        total += pool.totalCount;
        idle += pool.idleCount;
        waiting += pool.waitingCount;
        max += pool.options.max ?? 10;
      }
      this.set({ state: "total" }, total);
      this.set({ state: "idle" }, idle);
      this.set({ state: "in_use" }, total - idle);
      this.set({ state: "waiting" }, waiting);
      this.set({ state: "max" }, max);
    },
  });
}

// ── Web process ─────────────────────────────────────────────────────────────────────────────────

export const webRegistry = new Registry();
collectDefaultMetrics({ register: webRegistry, prefix: "alcance_web_" });

export const httpDuration = new Histogram({
  name: "alcance_http_request_duration_seconds",
  help: "HTTP request durations by Remix route id (never the raw path), method and status",
  labelNames: ["route", "method", "status"],
  buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [webRegistry],
});

new Gauge({
  name: "alcance_queue_jobs",
  help: "BullMQ jobs per queue and state, read from Redis at scrape time",
  labelNames: ["queue", "state"],
  registers: [webRegistry],
  async collect() {
    await Promise.all(
      Object.values(QUEUES).map(async (name) => {
        const counts = await getQueue(name).getJobCounts(...QUEUE_STATES);
        for (const state of QUEUE_STATES) this.set({ queue: name, state }, counts[state] ?? 0);
      }),
    );
  },
});

poolGauge(webRegistry, "alcance_web_db_pool_connections");

/** The text for /metrics: the web process's own metrics, then the sum of every live worker's. */
export async function metricsText(): Promise<string> {
  const own = await webRegistry.metrics();
  const published = await redis().hgetall(WORKERS_KEY());
  const live: MetricObjectWithValues<MetricValue<string>>[][] = [];
  const stale: string[] = [];
  for (const [worker, text] of Object.entries(published)) {
    const entry = JSON.parse(text) as { at: number; metrics: MetricObjectWithValues<MetricValue<string>>[] };
    if (Date.now() - entry.at > WORKER_STALE_MS) stale.push(worker);
    else live.push(entry.metrics);
  }
  if (stale.length) await redis().hdel(WORKERS_KEY(), ...stale);
  const workers = live.length ? await AggregatorRegistry.aggregate(live).metrics() : "";
  return `${own}\n${workers}`;
}

export const metricsContentType = webRegistry.contentType;

// ── Worker process ──────────────────────────────────────────────────────────────────────────────

export const workerRegistry = new Registry();

export const jobDuration = new Histogram({
  name: "alcance_job_duration_seconds",
  help: "BullMQ job processing time per queue and outcome (completed, failed), summed over workers",
  labelNames: ["queue", "outcome"],
  buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
  registers: [workerRegistry],
});

export const bulletinMessages = new Counter({
  name: "alcance_bulletin_messages_total",
  help: "Bulletin messages handed to the mail server (sent) or given up on (failed); rate() is the send rate",
  labelNames: ["outcome"],
  registers: [workerRegistry],
});

export const importRows = new Counter({
  name: "alcance_import_rows_total",
  help: "Contact import rows processed; rate() is rows per second",
  registers: [workerRegistry],
});

export const importRowsPerSecond = new Gauge({
  name: "alcance_import_last_rows_per_second",
  help: "Rows per second of the last finished import job (per worker, summed)",
  registers: [workerRegistry],
  aggregator: "max",
});

export const bounceMailboxMessages = new Counter({
  name: "alcance_bounce_mailbox_messages_total",
  help: "Messages the bounce mailbox poller read, by outcome (ingested, duplicate, unattributed, tooLarge)",
  labelNames: ["outcome"],
  registers: [workerRegistry],
});

poolGauge(workerRegistry, "alcance_worker_db_pool_connections");

const workerId = `${os.hostname()}:${process.pid}`;

/** Writes this worker's metrics where the web process reads them. */
export async function publishWorkerMetrics(): Promise<void> {
  const metrics = await workerRegistry.getMetricsAsJSON();
  await redis().hset(WORKERS_KEY(), workerId, JSON.stringify({ at: Date.now(), metrics }));
}

/** On a clean stop the worker's figures leave the sum at once. */
export async function withdrawWorkerMetrics(): Promise<void> {
  await redis().hdel(WORKERS_KEY(), workerId);
}
