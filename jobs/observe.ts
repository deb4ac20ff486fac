/**
 * What every job goes through in the worker (decision 035): it runs under the request id its data
 * carries (so its log lines and the jobs it queues name the request that started it), its duration
 * is measured per queue and outcome, and bulletin and import results are counted for /metrics.
 * The worker's figures reach the web process through Redis (publishWorkerMetrics).
 */
import { bulletinMessages, importRows, importRowsPerSecond, jobDuration, publishWorkerMetrics, withdrawWorkerMetrics, WORKER_PUBLISH_MS } from "../app/lib/metrics.server.ts";
import { logger } from "../app/lib/logger.server.ts";
import { runWithRequestId } from "../app/lib/request-context.server.ts";
import type { QueueJob, QueueName } from "../app/lib/queue.server.ts";

const log = logger.child({ area: "worker" });

function countResult(queue: QueueName, result: unknown, seconds: number) {
  if (!result || typeof result !== "object") return;
  const r = result as { sent?: unknown; failed?: unknown; rows?: unknown; status?: unknown };
  if (queue === "bulletins") {
    if (typeof r.sent === "number") bulletinMessages.inc({ outcome: "sent" }, r.sent);
    if (typeof r.failed === "number") bulletinMessages.inc({ outcome: "failed" }, r.failed);
  }
  if (queue === "contacts-import" && typeof r.rows === "number" && r.rows > 0) {
    importRows.inc(r.rows);
    if (seconds > 0) importRowsPerSecond.set(r.rows / seconds);
  }
}

export function observeJob<N extends QueueName, R>(queue: N, processor: (job: QueueJob<N>) => Promise<R>): (job: QueueJob<N>) => Promise<R> {
  return async (job) => {
    const requestId = (job.data as { requestId?: unknown }).requestId;
    const run = async () => {
      const end = jobDuration.startTimer({ queue });
      const started = performance.now();
      try {
        const result = await processor(job);
        end({ outcome: "completed" });
        countResult(queue, result, (performance.now() - started) / 1000);
        log.info({ queue, jobId: job.id, ms: Math.round(performance.now() - started) }, "job completed");
        return result;
      } catch (error) {
        end({ outcome: "failed" });
        throw error;
      }
    };
    return typeof requestId === "string" ? runWithRequestId(requestId, run) : run();
  };
}

/** Publishes this worker's metrics every WORKER_PUBLISH_MS; stop() withdraws them. */
export function startMetricsPublisher(): { stop: () => Promise<void> } {
  const publish = () => publishWorkerMetrics().catch((error: unknown) => log.warn({ err: error }, "could not publish metrics"));
  void publish();
  const timer = setInterval(publish, WORKER_PUBLISH_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await withdrawWorkerMetrics().catch(() => undefined);
    },
  };
}
