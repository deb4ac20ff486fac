import { getQueue, QUEUES } from "../../../jobs/queues";
import { renderTransactional } from "../../../emails/render.server";
import { getSettings } from "~/modules/settings/settings.server";
import { mailDriver } from "./mailer.server";
import type { TransactionalMail } from "./types";

/** Queues a transactional message; the worker renders and sends it, retrying on failure. */
export async function sendTransactionalMail(mail: TransactionalMail): Promise<void> {
  await getQueue(QUEUES.mail).add(mail.template, mail);
}

/** Renders and delivers one transactional message (called by the mail job). */
export async function deliverTransactionalMail(mail: TransactionalMail): Promise<{ messageId: string }> {
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
