/**
 * The worker process: no HTTP server, only BullMQ processors. Each processor is thin and calls
 * the same app/modules functions as the web server. SIGTERM/SIGINT let active jobs finish.
 */
import "dotenv/config";
// Before every other import: refuses to start on a bad configuration or the development APP_KEY.
import "../app/lib/startup-env.server.ts";
import { Worker, type WorkerOptions } from "bullmq";
import { env } from "../app/lib/env.server.ts";
import { createRedis } from "../app/lib/redis.server.ts";
import { precompileTransactional } from "../emails/render.server.ts";
import { closeMailDriver, mailDriver } from "../app/modules/mail/mailer.server.ts";
import { db } from "../app/lib/db.server.ts";
import { QUEUES, getQueue, closeQueues, type QueueJob, type QueueName } from "../app/lib/queue.server.ts";
import { sendMailJob } from "./mail/send-mail.job.ts";
import { maintenanceJob } from "./maintenance/purge.job.ts";
import { contactsImportJob } from "./contacts/import.job.ts";
import { closeImportPool } from "../app/modules/contacts/import/pipeline.server.ts";
import { juryRemindersJob } from "./jury/reminders.job.ts";
import { integrityJob } from "./maintenance/integrity.job.ts";
import { contributionRemindersJob } from "./reports/contribution-reminders.job.ts";
import { getSettings } from "../app/modules/settings/settings.server.ts";
import { bulletinConfig } from "../app/modules/bulletins/config.server.ts";
import { bulletinsJob, closeBulletinRuntime, requestBulletinStop, startBulletinRuntime } from "./bulletins/send.job.ts";
import { logger } from "../app/lib/logger.server.ts";
import { observeJob, startMetricsPublisher } from "./observe.ts";
import { pollMailboxJob } from "./bounces/poll-mailbox.job.ts";
import { syncMailboxSchedule } from "../app/modules/bulletins/mailbox.server.ts";

const log = logger.child({ area: "worker" });

type Entry<N extends QueueName> = { processor: (job: QueueJob<N>) => Promise<unknown>; concurrency: number; options?: Partial<WorkerOptions> };

// Every queue in app/lib/queue.server.ts has its processor: the type refuses a missing one.
const PROCESSORS: { [N in QueueName]: Entry<N> } = {
  mail: { processor: sendMailJob, concurrency: 5 },
  maintenance: { processor: maintenanceJob, concurrency: 1 },
  // One import at a time per worker: each writes on two connections of its own.
  "contacts-import": { processor: contactsImportJob, concurrency: 1 },
  // BULLETIN_JOBS chunks at a time per worker (default 2, so the next chunk is ready while one
  // drains), sharing BULLETIN_CONCURRENCY lanes: never more messages in flight. Short locks: a
  // chunk whose worker was killed is noticed as stalled within ~15 s (its deliveries are safe in
  // the database either way).
  bulletins: { processor: bulletinsJob, concurrency: bulletinConfig().BULLETIN_JOBS, options: { lockDuration: 10_000, stalledInterval: 5_000, maxStalledCount: 5 } },
  jury: { processor: juryRemindersJob, concurrency: 1 },
  integrity: { processor: integrityJob, concurrency: 1 },
  reports: { processor: contributionRemindersJob, concurrency: 1 },
  // One run at a time per worker (and a Redis lock across workers): runs share one mailbox.
  bounces: { processor: pollMailboxJob, concurrency: 1 },
};

function startWorker<N extends QueueName>(name: N): Worker<QueueJob<N>["data"]> {
  const entry: Entry<N> = PROCESSORS[name];
  return new Worker<QueueJob<N>["data"]>(name, observeJob(name, entry.processor), {
    connection: createRedis("worker"),
    prefix: env().REDIS_PREFIX,
    concurrency: entry.concurrency,
    ...entry.options,
  });
}

async function warnOnEvictionPolicy() {
  const probe = createRedis("client");
  try {
    const reply = (await probe.config("GET", "maxmemory-policy")) as string[];
    const policy = reply[1];
    if (policy !== "noeviction") {
      log.warn(`Redis maxmemory-policy is "${policy}". BullMQ needs "noeviction" or jobs can silently disappear.`);
    }
  } catch (error) {
    log.warn({ err: error }, "could not read Redis maxmemory-policy");
  } finally {
    probe.disconnect();
  }
}

async function main() {
  if (!env().SMTP_URL) log.warn("SMTP_URL is not set: mail is stored in the development outbox, not delivered.");
  await warnOnEvictionPolicy();
  const templates = await precompileTransactional();
  log.info(`compiled ${templates} transactional templates; mail driver: ${mailDriver().kind}`);
  await startBulletinRuntime();

  const workers = Object.values(QUEUES).map((name) => startWorker(name));
  for (const worker of workers) {
    worker.on("failed", (job, error) =>
      log.error({ queue: worker.name, jobId: job?.id, attempt: job?.attemptsMade, requestId: (job?.data as { requestId?: string } | undefined)?.requestId, err: error }, `job ${worker.name}/${job?.id} failed`),
    );
    worker.on("error", (error) => log.error({ queue: worker.name, err: error }, `worker ${worker.name} error`));
  }

  // Housekeeping once an hour; the scheduler id makes this idempotent across restarts and machines.
  await getQueue(QUEUES.maintenance).upsertJobScheduler("purge-sessions", { every: 3_600_000 }, { name: "purge", data: { task: "purgeExpiredSessions" } });
  await getQueue(QUEUES.maintenance).upsertJobScheduler("purge-tokens", { every: 3_600_000 }, { name: "purge", data: { task: "purgeExpiredTokens" } });
  // Jurors with pending evaluations are reminded 3 days and 1 day before the deadline (each once).
  await getQueue(QUEUES.jury).upsertJobScheduler("jury-reminders", { every: 3_600_000 }, { name: "reminders", data: { task: "reminders" } });

  // Contributors are reminded 3 days and 1 day before a section's due date (each once, from 08:00 local).
  await getQueue(QUEUES.reports).upsertJobScheduler("contribution-reminders", { every: 3_600_000 }, { name: "contributionReminders", data: { task: "contributionReminders" } });

  // The integrity checks every night at 03:30 in the office's zone, when nobody is moving stock.
  const { timeZone } = await getSettings();
  await getQueue(QUEUES.integrity).upsertJobScheduler("integrity-nightly", { pattern: "30 3 * * *", tz: timeZone }, { name: "check", data: { task: "check" } });

  // The bounce mailbox every N minutes as its settings say (saving them reschedules it too).
  await syncMailboxSchedule();

  const metrics = startMetricsPublisher();
  log.info(`ready: ${workers.map((w) => w.name).join(", ")} (prefix ${env().REDIS_PREFIX})`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: waiting for active jobs to finish…`);
    requestBulletinStop();
    await Promise.all(workers.map((w) => w.close()));
    await metrics.stop();
    await closeBulletinRuntime();
    await closeQueues();
    await closeMailDriver();
    await closeImportPool();
    await db.$disconnect();
    log.info("stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((error) => {
  log.fatal({ err: error }, "failed to start");
  process.exit(1);
});
