/**
 * Every queue, its name, its payload type and its producers, in one place (decision 027). Names
 * have no ':' (BullMQ). Modules enqueue through the producer functions below (never through
 * jobs/); the worker (jobs/worker.ts) imports the names and payload types to type its processors.
 *
 *   await enqueueMail(mail, { jobId: `reminder-${id}` });
 *   await enqueueContactsImport(batchId);
 */
import { Queue, type Job, type JobsOptions } from "bullmq";
import { env } from "./env.server.ts";
import { createRedis } from "./redis.server.ts";
import { withRequestId } from "./request-context.server.ts";
import type { TransactionalMail } from "../modules/mail/types.ts";
import type { BulletinJob } from "../modules/bulletins/types.ts";

export const QUEUES = {
  mail: "mail",
  maintenance: "maintenance",
  contactsImport: "contacts-import",
  bulletins: "bulletins",
  jury: "jury",
  integrity: "integrity",
  reports: "reports",
  bounces: "bounces",
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export type QueuePayloads = {
  mail: TransactionalMail;
  maintenance: { task: "purgeExpiredSessions" | "purgeExpiredTokens" };
  "contacts-import": { batchId: string };
  // Bulletin jobs are removed when done: the database records the outcome, and a re-queued chunk
  // (same job id) must be accepted again once its previous job has finished.
  bulletins: BulletinJob;
  jury: { task: "reminders" };
  integrity: { task: "check" };
  reports: { task: "contributionReminders" };
  bounces: { task: "pollMailbox" };
};

/** Retention and retries set once for every queue. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: "exponential", delay: 2000, jitter: 0.3 },
  removeOnComplete: { age: 7 * 86_400, count: 10_000 },
  removeOnFail: { age: 30 * 86_400 },
};

/**
 * Per-queue changes to the defaults. Mail jobs carry record ids only (see app/modules/mail/types.ts)
 * and the outcome is logged; a finished one is removed at once, a failed one kept for diagnosis.
 */
export const QUEUE_JOB_OPTIONS: Partial<Record<QueueName, JobsOptions>> = {
  mail: { removeOnComplete: true, removeOnFail: { age: 14 * 86_400 } },
  // Each attempt records a run of its own; one retry covers a restart, more would only repeat reports.
  integrity: { attempts: 2 },
  // The next scheduled run retries anyway; a retry sooner would only knock on a server that is down.
  bounces: { attempts: 1, removeOnComplete: { age: 86_400, count: 500 } },
};

const globalForQueues = globalThis as unknown as { __alcanceQueues?: Map<string, Queue> };

export function getQueue<N extends QueueName>(name: N): Queue<QueuePayloads[N]> {
  const queues = (globalForQueues.__alcanceQueues ??= new Map());
  let queue = queues.get(name);
  if (!queue) {
    queue = new Queue(name, {
      connection: createRedis("client"),
      prefix: env().REDIS_PREFIX,
      defaultJobOptions: { ...DEFAULT_JOB_OPTIONS, ...QUEUE_JOB_OPTIONS[name] },
    });
    queues.set(name, queue);
  }
  return queue as Queue<QueuePayloads[N]>;
}

export async function closeQueues(): Promise<void> {
  const queues = globalForQueues.__alcanceQueues;
  if (!queues) return;
  await Promise.all([...queues.values()].map((q) => q.close()));
  queues.clear();
}

/** A processor of queue N: the job's data is that queue's payload, no cast needed. */
export type QueueJob<N extends QueueName> = Job<QueuePayloads[N]>;

// ── Producers ───────────────────────────────────────────────────────────────────────────────────
// Each adds the id of the request that queued the job (`requestId` in the job data, decision 035).

/** Queues a transactional message; returns the job id. */
export async function enqueueMail(mail: TransactionalMail, opts: Pick<JobsOptions, "jobId" | "delay"> = {}): Promise<string | undefined> {
  const job = await getQueue(QUEUES.mail).add(mail.template, withRequestId(mail), opts);
  return job.id;
}

/** Queues a contacts import (a dry run or the real run) of a stored batch. */
export async function enqueueContactsImport(batchId: string): Promise<void> {
  await getQueue(QUEUES.contactsImport).add("import", withRequestId({ batchId }), { jobId: `${batchId}-${Date.now()}` });
}

/** Queues bulletin jobs (chunks with their own retry options, or a test send). */
export async function enqueueBulletinJobs(jobs: ReadonlyArray<{ name: string; data: BulletinJob; opts?: JobsOptions }>): Promise<void> {
  await getQueue(QUEUES.bulletins).addBulk(jobs.map((job) => ({ ...job, data: withRequestId(job.data) })));
}

/** The scheduler id of the bounce mailbox poller (one per deployment). */
export const BOUNCE_MAILBOX_SCHEDULER = "bounce-mailbox";

/**
 * Polls the bounce mailbox every `everyMs`, or never (null). Saving the mailbox settings and
 * starting a worker both call it, so the schedule follows the settings without a restart.
 */
export async function scheduleBounceMailbox(everyMs: number | null): Promise<void> {
  const queue = getQueue(QUEUES.bounces);
  if (everyMs === null) await queue.removeJobScheduler(BOUNCE_MAILBOX_SCHEDULER);
  else await queue.upsertJobScheduler(BOUNCE_MAILBOX_SCHEDULER, { every: everyMs }, { name: "poll", data: { task: "pollMailbox" } });
}
