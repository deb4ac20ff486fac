import type { Job } from "bullmq";
import { deliverTransactionalMail } from "../../app/modules/mail/mail.server.ts";
import type { MailRef } from "../../app/modules/mail/types.ts";
import { setCorrectionMailStatus } from "../../app/modules/contest/mail-state.server.ts";
import type { QueuePayloads } from "../queues.ts";

/** Records that follow their message's delivery, by entity (see MailRef). */
const MAIL_STATE_HOOKS: Record<MailRef["entity"], (id: string, state: "sent" | "failed") => Promise<void>> = {
  correctionRequest: setCorrectionMailStatus,
};

export async function sendMailJob(job: Job<QueuePayloads["mail"]>) {
  const ref = job.data.ref;
  try {
    const result = await deliverTransactionalMail(job.data);
    if (ref) await MAIL_STATE_HOOKS[ref.entity]?.(ref.id, "sent");
    return result;
  } catch (error) {
    // The last attempt failed: the record says so (earlier failures are retried).
    if (ref && job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) await MAIL_STATE_HOOKS[ref.entity]?.(ref.id, "failed").catch(() => undefined);
    throw error;
  }
}
