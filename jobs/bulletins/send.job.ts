/**
 * The bulletins processor and its process-wide state: the worker's liveness lock (whose key marks
 * its claims), the stop flag SIGTERM sets (in-flight messages finish, no new ones start), and the
 * periodic reconciliation that re-queues work from the database.
 */
import { bulletinConfig } from "../../app/modules/bulletins/config.server.ts";
import { closePipeline, processChunk, reconcile, sendTestMessages, startLiveness, type Liveness } from "../../app/modules/bulletins/pipeline/index.server.ts";
import { closeBulkTransport } from "../../app/modules/bulletins/transport.server.ts";
import type { QueueJob } from "../../app/lib/queue.server.ts";
import { logger } from "../../app/lib/logger.server.ts";

const log = logger.child({ area: "bulletins" });

let liveness: Liveness | undefined;
let stopping = false;
let timer: NodeJS.Timeout | undefined;
let reconciling: Promise<unknown> | undefined;

function runReconcile(label: string) {
  if (reconciling || stopping) return;
  reconciling = reconcile()
    .then((r) => {
      if (r.unknownMarked || r.started || r.finished || label === "start") log.info({ reconcile: r }, `reconciled (${label})`);
    })
    .catch((error: Error) => log.error({ err: error }, `reconciliation failed (${label})`))
    .finally(() => {
      reconciling = undefined;
    });
}

/** Before the worker takes jobs: take the liveness lock, reconcile once, then every BULLETIN_RECONCILE_MS. */
export async function startBulletinRuntime(): Promise<void> {
  liveness = await startLiveness();
  runReconcile("start");
  await reconciling;
  timer = setInterval(() => runReconcile("periodic"), bulletinConfig().BULLETIN_RECONCILE_MS);
  log.info(`ready: liveness key ${liveness.key}, pool ${bulletinConfig().BULLETIN_CONCURRENCY}`);
}

/** SIGTERM, step 1: no new message starts; in-flight ones finish and are recorded. */
export function requestBulletinStop(): void {
  stopping = true;
  if (timer) clearInterval(timer);
}

/** SIGTERM, step 2 (after the BullMQ workers closed): close connections, release the lock. */
export async function closeBulletinRuntime(): Promise<void> {
  await reconciling;
  closeBulkTransport();
  await closePipeline();
  await liveness?.close();
  liveness = undefined;
}

export async function bulletinsJob(job: QueueJob<"bulletins">) {
  if (job.data.kind === "test") return { sent: await sendTestMessages(job.data) };
  if (!liveness) throw new Error("bulletin runtime not started");
  return processChunk(job.data, { workerKey: liveness.key, shouldStop: () => stopping });
}
