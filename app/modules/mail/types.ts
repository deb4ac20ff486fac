import type { Locale } from "../../i18n/index.ts";

export type TransactionalTemplate = "invite" | "passwordReset" | "eventSignupConfirm" | "contestCorrection" | "juryReopened" | "juryReminder" | "integrityReport" | "contributionRound" | "contributionReminder" | "contributionReturned" | "portalVerify" | "portalReset" | "portalReceipt" | "portalAnswered" | "portalInvite" | "portalMagic";

/**
 * Who a message goes to, as a record id. Jobs never carry an address or a working link: the
 * worker looks them up when it runs, so an erased contact, a used or revoked token or a
 * deactivated account simply gets nothing.
 *   user: a staff user's own mail (jury, the integrity report to administrators);  token: a one-time token row (its user, and the link);
 *   signup: a kiosk sign-up (its contact, and the confirmation link);  correctionRequest: the
 *   address the request records.  applicantToken / applicant: an applicant-portal link / account (decision 029).
 */
export type MailRecipient = { user: string } | { token: string } | { signup: number } | { correctionRequest: string } | { applicantToken: string } | { applicant: string };

/** A transactional message as queued: rendered in the worker, in the recipient's language. */
export type TransactionalMail = {
  template: TransactionalTemplate;
  to: MailRecipient;
  locale: Locale;
  /** Values for the template that are not personal data of the recipient (the worker adds those). */
  data: Record<string, string>;
  /** Optional: the record that follows this message's delivery (the job reports "sent"/"failed" to it). */
  ref?: MailRef;
};

/** A message ready to render and send: what the worker resolved from a TransactionalMail. */
export type ResolvedMail = { template: TransactionalTemplate; to: string; locale: Locale; data: Record<string, string> };

/** A record whose mail state the mail job updates; entity names a hook in jobs/mail/send-mail.job.ts. */
export type MailRef = { entity: "correctionRequest"; id: string };
