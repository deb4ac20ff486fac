import { deliverTransactionalMail } from "../../app/modules/mail/mail.server.ts";
import { resolveMail } from "../../app/modules/mail/resolve.server.ts";
import { transactionalMailSchema } from "../../app/modules/mail/schema.ts";
import type { MailRef } from "../../app/modules/mail/types.ts";
import { setCorrectionMailStatus, type MailState } from "../../app/modules/contest/mail-state.server.ts";
import type { QueueJob } from "../../app/lib/queue.server.ts";
import { logger } from "../../app/lib/logger.server.ts";

const log = logger.child({ area: "mail" });

/** Records that follow their message's delivery, by entity (see MailRef). */
const MAIL_STATE_HOOKS: Record<MailRef["entity"], (id: string, state: MailState) => Promise<void>> = {
  correctionRequest: setCorrectionMailStatus,
};

export type MailJobResult = { sent: true; messageId: string } | { sent: false; reason: string };

/**
 * The error a failed job keeps (BullMQ stores its message and stack for weeks): SMTP replies
 * often quote the recipient, so the address is taken out.
 */
export function withoutAddress(error: unknown, address: string): Error {
  const message = error instanceof Error ? error.message : String(error);
  const escaped = address.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new Error(message.replace(new RegExp(escaped, "gi"), "[destinatario]"));
}

export async function sendMailJob(job: QueueJob<"mail">): Promise<MailJobResult> {
  const parsed = transactionalMailSchema.safeParse(job.data);
  if (!parsed.success) {
    log.warn({ jobId: job.id }, "not a message this version sends (no record ids); dropped");
    return { sent: false, reason: "invalidPayload" };
  }
  const mail = parsed.data;
  const ref = mail.ref;
  const resolved = await resolveMail(mail);
  if ("skip" in resolved) {
    // Erased contact, used or revoked link, deactivated account…: nothing to send, and that is fine.
    log.info({ jobId: job.id, template: mail.template, skip: resolved.skip }, "not sent");
    if (ref) await MAIL_STATE_HOOKS[ref.entity]?.(ref.id, "noRecipient");
    return { sent: false, reason: resolved.skip };
  }
  try {
    const result = await deliverTransactionalMail(resolved);
    if (ref) await MAIL_STATE_HOOKS[ref.entity]?.(ref.id, "sent");
    return { sent: true, messageId: result.messageId };
  } catch (error) {
    // The last attempt failed: the record says so (earlier failures are retried).
    if (ref && job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) await MAIL_STATE_HOOKS[ref.entity]?.(ref.id, "failed").catch(() => undefined);
    throw withoutAddress(error, resolved.to);
  }
}
