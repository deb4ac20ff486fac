import type { QueueJob } from "../../app/lib/queue.server.ts";
import { sendContributionReminders } from "../../app/modules/reports/contributions.server.ts";

/** The scheduled contribution reminders (3 days and 1 day before a section's due date); idempotent, so any schedule works. */
export async function contributionRemindersJob(_job: QueueJob<"reports">) {
  return { sent: await sendContributionReminders() };
}
