import type { Job } from "bullmq";
import { purgeExpired } from "../../app/modules/auth/maintenance.server.ts";
import { purgeOutbox } from "../../app/modules/mail/outbox.server.ts";
import type { QueuePayloads } from "../queues.ts";

export async function maintenanceJob(job: Job<QueuePayloads["maintenance"]>) {
  const result = await purgeExpired(job.data.task);
  // The outbox's copies of those links go with them.
  if (job.data.task === "purgeExpiredTokens") return { ...result, outbox: await purgeOutbox() };
  return result;
}
