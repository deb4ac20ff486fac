import type { Job } from "bullmq";
import { deliverTransactionalMail } from "../../app/modules/mail/mail.server.ts";
import type { QueuePayloads } from "../queues.ts";

export async function sendMailJob(job: Job<QueuePayloads["mail"]>) {
  return deliverTransactionalMail(job.data);
}
