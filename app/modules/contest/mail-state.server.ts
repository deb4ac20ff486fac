import { db } from "../../lib/db.server.ts";

export const MAIL_STATES = ["queued", "sent", "failed", "notQueued", "noRecipient"] as const;
export type MailState = (typeof MAIL_STATES)[number];

/** Called by the mail job: a correction request's e-mail was sent or finally failed. */
export async function setCorrectionMailStatus(id: string, state: MailState): Promise<void> {
  // "sent" is final: a late "failed" from a retried duplicate never overwrites it.
  await db.correctionRequest.updateMany({ where: { id, NOT: { mailStatus: "sent" } }, data: { mailStatus: state } });
}
