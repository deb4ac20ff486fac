import type { QueueJob } from "../../app/lib/queue.server.ts";
import { sendDueReminders } from "../../app/modules/jury/reminders.server.ts";

/** The scheduled jury reminders (3 days and 1 day before the deadline); idempotent, so any schedule works. */
export async function juryRemindersJob(_job: QueueJob<"jury">) {
  return { sent: await sendDueReminders() };
}
