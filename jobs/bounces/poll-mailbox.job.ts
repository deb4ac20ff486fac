/** The bounce mailbox poller (decision 034): one run per scheduled job; the rules live in the module. */
import { runMailboxPoll } from "../../app/modules/bulletins/mailbox.server.ts";
import type { QueueJob } from "../../app/lib/queue.server.ts";

export async function pollMailboxJob(_job: QueueJob<"bounces">) {
  return runMailboxPoll();
}
