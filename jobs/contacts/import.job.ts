import { UnrecoverableError } from "bullmq";
import { ImportFileError } from "../../app/modules/contacts/import/errors.ts";
import { markFailed } from "../../app/modules/contacts/import/pipeline.server.ts";
import { processQueuedBatch } from "../../app/modules/contacts/import/batches.server.ts";
import type { QueueJob } from "../../app/lib/queue.server.ts";

/**
 * A contacts import (dry run or real run) from the chunks stored at upload. A worker that dies
 * mid-run leaves the batch RUNNING with its last committed line: the retried (or stalled and
 * re-queued) job resumes from there. A file that cannot be read is not retried.
 */
export async function contactsImportJob(job: QueueJob<"contacts-import">) {
  try {
    const result = await processQueuedBatch(job.data.batchId);
    return result ? { status: result.status, rows: result.rows } : null;
  } catch (error) {
    if (error instanceof ImportFileError) throw new UnrecoverableError(error.message);
    const attempts = job.opts.attempts ?? 1;
    if (job.attemptsMade + 1 >= attempts) await markFailed(job.data.batchId, error);
    throw error;
  }
}
