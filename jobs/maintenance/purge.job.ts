import { purgeExpired } from "../../app/modules/auth/maintenance.server.ts";
import { purgeOutbox } from "../../app/modules/mail/outbox.server.ts";
import { purgeBounceRaw } from "../../app/modules/bulletins/bounce-review.server.ts";
import type { QueueJob } from "../../app/lib/queue.server.ts";

export async function maintenanceJob(job: QueueJob<"maintenance">) {
  const result = await purgeExpired(job.data.task);
  // The outbox's copies of those links go with them; bounce reports' raw messages after 30 days (decision 034).
  if (job.data.task === "purgeExpiredTokens") return { ...result, outbox: await purgeOutbox(), bounceRaw: await purgeBounceRaw() };
  return result;
}
