/**
 * The operator's view of the BullMQ queues (decision 035): counts by state, the failed jobs with
 * their error, and retrying them. Job data is never shown (it may name people); the error is,
 * because that is what an operator needs to act on.
 */
import { z } from "zod";
import { DomainError } from "~/lib/errors";
import { QUEUES, getQueue, type QueueName } from "~/lib/queue.server";
import type { Actor } from "~/lib/actor.server";
import { audit } from "~/modules/audit/index.server";

export const QUEUE_NAMES = Object.values(QUEUES) as QueueName[];
import { COUNTED_STATES, type CountedState } from "./index";
export const FAILED_PAGE_SIZE = 20;

export type QueueErrorCode = "notFound" | "countChanged";
export class QueueError extends DomainError<QueueErrorCode> {
  constructor(code: QueueErrorCode, params?: Record<string, number>) {
    super({ code, messageKey: `admin.queues.errors.${code}`, field: "_form", params });
  }
}

export const queueNameSchema = z.enum(QUEUE_NAMES as [QueueName, ...QueueName[]]);

export type QueueSummary = { name: QueueName; counts: Record<CountedState, number>; paused: boolean };

export async function queueSummaries(): Promise<QueueSummary[]> {
  return Promise.all(
    QUEUE_NAMES.map(async (name) => {
      const queue = getQueue(name);
      const [raw, paused] = await Promise.all([queue.getJobCounts(...COUNTED_STATES), queue.isPaused()]);
      const counts = Object.fromEntries(COUNTED_STATES.map((state) => [state, raw[state] ?? 0])) as Record<CountedState, number>;
      return { name, counts, paused };
    }),
  );
}

export type FailedJob = { id: string; name: string; error: string; attempts: number; failedAt: string | null };

/** One page of a queue's failed jobs, newest first; `page` counts from 1. */
export async function listFailedJobs(name: QueueName, page: number): Promise<{ jobs: FailedJob[]; total: number; page: number; pages: number }> {
  const queue = getQueue(name);
  const total = await queue.getFailedCount();
  const pages = Math.max(1, Math.ceil(total / FAILED_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const start = (current - 1) * FAILED_PAGE_SIZE;
  const jobs = await queue.getFailed(start, start + FAILED_PAGE_SIZE - 1);
  return {
    total,
    page: current,
    pages,
    jobs: jobs.flatMap((job) =>
      job?.id
        ? [{ id: job.id, name: job.name, error: job.failedReason || "", attempts: job.attemptsMade, failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null }]
        : [],
    ),
  };
}

/** Retries one failed job (it goes back to waiting, with its attempts reset). */
export async function retryFailedJob(actor: Actor, name: QueueName, jobId: string): Promise<void> {
  const job = await getQueue(name).getJob(jobId);
  if (!job || !(await job.isFailed())) throw new QueueError("notFound");
  await job.retry("failed");
  await audit(actor, { action: "queue.retry", entity: "queue", entityId: name, after: { jobId } });
}

/** How many jobs «retry all» would move now: the figure the person confirms (decision 023). */
export async function failedCount(name: QueueName): Promise<number> {
  return getQueue(name).getFailedCount();
}

/**
 * Retries every failed job of a queue, if there are still as many as the person saw; a different
 * count is refused (409) so they confirm the current figure.
 */
export async function retryAllFailed(actor: Actor, name: QueueName, confirmedCount: number): Promise<number> {
  const count = await failedCount(name);
  if (count !== confirmedCount) throw new QueueError("countChanged", { count });
  if (count === 0) return 0;
  await getQueue(name).retryJobs({ state: "failed", count: 1000, timestamp: Date.now() });
  await audit(actor, { action: "queue.retryAll", entity: "queue", entityId: name, after: { count } });
  return count;
}
