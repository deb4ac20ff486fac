/** Where a bounce or complaint report can come from (BounceReport.source); client-safe for the review page's filter. */
export const BOUNCE_SOURCES = ["file", "smtp", "imap", "ses", "sendgrid", "postmark", "mailgun"] as const;
export type BounceSource = (typeof BOUNCE_SOURCES)[number];
