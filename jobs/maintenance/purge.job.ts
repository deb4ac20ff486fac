import type { Job } from "bullmq";
import { purgeExpired } from "../../app/modules/auth/maintenance.server.ts";
import type { QueuePayloads } from "../queues.ts";

export async function maintenanceJob(job: Job<QueuePayloads["maintenance"]>) {
  return purgeExpired(job.data.task);
}
