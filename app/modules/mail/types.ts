import type { Locale } from "../../i18n/index.ts";

export type TransactionalTemplate = "invite" | "passwordReset" | "eventSignupConfirm" | "contestCorrection" | "juryReopened" | "juryReminder";

/** A transactional message as queued: rendered in the worker, in the recipient's language. */
export type TransactionalMail = {
  template: TransactionalTemplate;
  to: string;
  locale: Locale;
  data: Record<string, string>;
  /** Optional: the record that follows this message's delivery (the job reports "sent"/"failed" to it). */
  ref?: MailRef;
};

/** A record whose mail state the mail job updates; entity names a hook in jobs/mail/send-mail.job.ts. */
export type MailRef = { entity: "correctionRequest"; id: string };
