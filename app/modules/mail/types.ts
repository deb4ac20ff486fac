import type { Locale } from "../../i18n/index.ts";

export type TransactionalTemplate = "invite" | "passwordReset" | "eventSignupConfirm";

/** A transactional message as queued: rendered in the worker, in the recipient's language. */
export type TransactionalMail = {
  template: TransactionalTemplate;
  to: string;
  locale: Locale;
  data: Record<string, string>;
};
