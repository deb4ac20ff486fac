/**
 * The worker's side of a queued message: from record ids to an address, a link and the values
 * that are personal data, looked up when the message is about to leave (see types.ts).
 */
import { db } from "~/lib/db.server";
import { makeT } from "~/i18n";
import { tokenForMail } from "~/modules/auth/index.server";
import { isSuppressed } from "~/modules/contacts/index.server";
import { confirmationForMail } from "~/modules/events/index.server";
import { applicantEmail, applicantTokenForMail } from "~/modules/portal/index.server";
import type { ResolvedMail, TransactionalMail } from "./types";

export type Resolution = ResolvedMail | { skip: string };

export async function resolveMail(mail: TransactionalMail, now = new Date()): Promise<Resolution> {
  const { template, locale, to } = mail;
  switch (template) {
    case "passwordReset":
    case "invite": {
      if (!("token" in to)) return { skip: "wrongRecipient" };
      const kind = template === "invite" ? "INVITE" : "PASSWORD_RESET";
      const found = await tokenForMail(to.token, kind, now);
      if (!found) return { skip: "tokenNotUsable" };
      const data: Record<string, string> = { ...mail.data, name: found.user.name, url: found.url };
      if (kind === "INVITE") data.role = makeT(locale)(`roles.${found.user.role}`);
      return { template, locale, to: found.user.email, data };
    }
    case "eventSignupConfirm": {
      if (!("signup" in to)) return { skip: "wrongRecipient" };
      const found = await confirmationForMail(to.signup, locale, now);
      if ("skip" in found) return found;
      if (await isSuppressed(found.to)) return { skip: "erased" };
      return { template, locale, to: found.to, data: { ...mail.data, ...found.data } };
    }
    case "contestCorrection": {
      if (!("correctionRequest" in to)) return { skip: "wrongRecipient" };
      const request = await db.correctionRequest.findUnique({ where: { id: to.correctionRequest }, select: { sentTo: true } });
      if (!request?.sentTo) return { skip: "noRecipient" };
      if (await isSuppressed(request.sentTo)) return { skip: "erased" };
      return { template, locale, to: request.sentTo, data: mail.data };
    }
    case "portalVerify":
    case "portalReset":
    case "portalMagic":
    case "portalInvite": {
      if (!("applicantToken" in to)) return { skip: "wrongRecipient" };
      const found = await applicantTokenForMail(to.applicantToken, mail.data.slug ?? "", now);
      if (!found) return { skip: "tokenNotUsable" };
      return { template, locale, to: found.to, data: { ...mail.data, url: found.url, ...(found.inviter ? { inviter: found.inviter } : {}) } };
    }
    case "portalReceipt": {
      if (!("applicant" in to)) return { skip: "wrongRecipient" };
      const address = await applicantEmail(to.applicant);
      return address ? { template, locale, to: address, data: mail.data } : { skip: "noRecipient" };
    }
    case "portalAnswered":
    case "juryReopened":
    case "juryReminder":
    case "integrityReport":
    case "contributionRound":
    case "contributionReminder":
    case "contributionReturned": {
      if (!("user" in to)) return { skip: "wrongRecipient" };
      const user = await db.user.findUnique({ where: { id: to.user }, select: { email: true, active: true } });
      if (!user?.active) return { skip: "inactiveUser" };
      return { template, locale, to: user.email, data: mail.data };
    }
  }
}
