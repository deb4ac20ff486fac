import type { Job } from "bullmq";
import { sendContributionReminders } from "../../app/modules/reports/contributions.server.ts";

/** The scheduled contribution reminders (3 days and 1 day before a section's due date); idempotent, so any schedule works. */
export async function contributionRemindersJob(_job: Job<{ task: "contributionReminders" }>) {
  return { sent: await sendContributionReminders() };
}
