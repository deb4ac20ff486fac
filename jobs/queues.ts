/**
 * Every queue, its name and its payload type, in one place. Names have no ':' (BullMQ).
 * Producers (web) and the worker both import from here.
 */
import { Queue, type JobsOptions } from "bullmq";
import { env } from "../app/lib/env.server.ts";
import { createRedis } from "../app/lib/redis.server.ts";
import type { TransactionalMail } from "../app/modules/mail/types.ts";
import type { BulletinJob } from "../app/modules/bulletins/types.ts";

export const QUEUES = {
  mail: "mail",
  maintenance: "maintenance",
  contactsImport: "contacts-import",
  bulletins: "bulletins",
  jury: "jury",
  integrity: "integrity",
  reports: "reports",
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
