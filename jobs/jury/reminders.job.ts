import type { Job } from "bullmq";
import { sendDueReminders } from "../../app/modules/jury/reminders.server.ts";

/** The scheduled jury reminders (3 days and 1 day before the deadline); idempotent, so any schedule works. */
export async function juryRemindersJob(_job: Job<{ task: "reminders" }>) {
  return { sent: await sendDueReminders() };
}
