import type { JobsOptions } from "bullmq";
import { enqueueMail } from "~/lib/queue.server";
import { renderTransactional } from "../../../emails/render.server";
import { getSettings } from "~/modules/settings/index.server";
import { mailDriver } from "./mailer.server";
import type { ResolvedMail, TransactionalMail } from "./types";

/**
 * Queues a transactional message; the worker resolves its recipient, renders and sends it,
 * retrying on failure. `opts` (a job id, a delay) pass through to the queue.
 */
export async function sendTransactionalMail(mail: TransactionalMail, opts: Pick<JobsOptions, "jobId" | "delay"> = {}): Promise<string | undefined> {
  return enqueueMail(mail, opts);
}

/** Renders and delivers one resolved message (called by the mail job). */
export async function deliverTransactionalMail(mail: ResolvedMail): Promise<{ messageId: string }> {
  const settings = await getSettings();
  const rendered = await renderTransactional(mail.template, mail.locale, mail.data, settings);
  return mailDriver().send({
    from: { name: settings.transactionalSenderName, address: settings.transactionalSenderEmail },
    to: mail.to,
    subject: rendered.subject,
    html: rendered.html,
    text: rendered.text,
  });
}
