/** Tells a bulletin's author that it paused itself (too many failures), in the author's language. */
import { db } from "~/lib/db.server";
import { env } from "~/lib/env.server";
import { isLocale, makeT } from "~/i18n";
import { mailDriver } from "~/modules/mail/index.server";
import { getSettings } from "~/modules/settings/index.server";
import { escapeHtml } from "./markdown";

export async function notifyAuthorOfPause(bulletin: { id: string; name: string; createdById: string | null }, result: { started: number; failed: number; retried: number }): Promise<boolean> {
  if (!bulletin.createdById) return false;
  const author = await db.user.findUnique({ where: { id: bulletin.createdById }, select: { email: true, name: true, locale: true, active: true } });
  if (!author || !author.active) return false;
  const t = makeT(isLocale(author.locale) ? author.locale : "es");
  const settings = await getSettings();
  const url = `${env().APP_URL.replace(/\/$/, "")}/bulletins/${bulletin.id}`;
  const params = { name: bulletin.name, failed: result.failed + result.retried, attempted: result.started };
  const subject = t("bulletins.notify.pausedSubject", params);
  const body = t("bulletins.notify.pausedBody", params);
  await mailDriver().send({
    from: { name: settings.transactionalSenderName, address: settings.transactionalSenderEmail },
    to: author.email,
    subject,
    text: `${body}\n\n${url}\n`,
    html: `<p>${escapeHtml(body)}</p><p><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>`,
  });
  return true;
}
