/** One message of a bulletin, its unsubscribe token and ids, and SMTP errors classified. A leaf: bulletins.server.ts imports it. */
import type { SendMailOptions } from "nodemailer";
import { env } from "~/lib/env.server";
import { signToken } from "~/lib/crypto.server";
import { type AppSettings } from "~/modules/settings/index.server";
import { mergeBulletin, type CompiledBulletin } from "../../../../emails/bulk/render.server";

// ── Messages ────────────────────────────────────────────────────────────────────────────────────

export type SendableBulletin = {
  id: string;
  name: string;
  version: number;
  status: string;
  subject: string;
  preheader: string | null;
  bodyMarkdown: string;
  language: string;
  fromName: string;
  fromEmail: string;
  replyTo: string | null;
  createdById: string | null;
};

/** Unsubscribe links live at least a year; two years leaves room for a late reader. */
export const UNSUBSCRIBE_TOKEN_DAYS = 730;
export const UNSUBSCRIBE_PURPOSE = "unsubscribe";

export function unsubscribeToken(contactId: number | null, bulletinId: string, now = Date.now()): string {
  return signToken(UNSUBSCRIBE_PURPOSE, `${contactId ?? "test"}.${bulletinId}`, new Date(now + UNSUBSCRIBE_TOKEN_DAYS * 86_400_000));
}

function domainOf(email: string): string {
  return email.split("@")[1]?.toLowerCase() || "alcance.invalid";
}

/** The Message-ID of a delivery: the same on every attempt, so a receiver can spot a repeat. */
export function deliveryMessageId(deliveryId: string, bulletinId: string, fromEmail: string): string {
  return `<d${deliveryId}.${bulletinId}@${domainOf(fromEmail)}>`;
}

export function buildMessage(
  bulletin: SendableBulletin,
  compiled: CompiledBulletin,
  settings: Pick<AppSettings, "institutionName" | "postalAddress">,
  recipient: { deliveryId: string | null; email: string; contactId: number | null; values: Parameters<typeof mergeBulletin>[1] },
  opts: { subjectPrefix?: string } = {},
): SendMailOptions {
  const token = unsubscribeToken(recipient.contactId, bulletin.id);
  const unsubscribeUrl = `${env().APP_URL.replace(/\/$/, "")}/u/${token}`;
  const merged = mergeBulletin(compiled, recipient.values, {
    institutionName: settings.institutionName,
    postalAddress: settings.postalAddress,
    unsubscribeUrl,
    privacyUrl: `${unsubscribeUrl}#aviso-de-privacidad`,
  });
  const domain = domainOf(bulletin.fromEmail);
  return {
    from: { name: bulletin.fromName, address: bulletin.fromEmail },
    to: recipient.email,
    replyTo: bulletin.replyTo ?? undefined,
    subject: `${opts.subjectPrefix ?? ""}${merged.subject}`,
    html: merged.html,
    text: merged.text,
    messageId: recipient.deliveryId ? deliveryMessageId(recipient.deliveryId, bulletin.id, bulletin.fromEmail) : undefined,
    headers: {
      "List-Unsubscribe": `<${unsubscribeUrl}>, <mailto:${bulletin.fromEmail}?subject=${encodeURIComponent(`unsubscribe ${token}`)}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      "List-Id": `<bulletins.${domain}>`,
      Precedence: "bulk",
      "Auto-Submitted": "auto-generated",
      ...(recipient.deliveryId ? { "X-Alcance-Delivery": `${bulletin.id}/${recipient.deliveryId}` } : {}),
    },
  };
}

// ── SMTP errors ─────────────────────────────────────────────────────────────────────────────────

export type SmtpFailure = { permanent: boolean; userUnknown: boolean; message: string };

const USER_UNKNOWN = /\b5\.1\.[0-3]\b|user unknown|unknown user|no such (user|mailbox|recipient)|mailbox (unavailable|not found|does not exist)|recipient (address )?rejected|does not exist|invalid recipient/i;

/** 5xx replies are permanent; 4xx replies and connection errors are temporary. */
export function classifySmtpError(error: unknown): SmtpFailure {
  const e = error as { responseCode?: number; response?: string; code?: string; message?: string };
  const code = typeof e.responseCode === "number" ? e.responseCode : null;
  const message = `${code ?? e.code ?? "error"} ${(e.response ?? e.message ?? String(error)).replace(/\s+/g, " ").trim()}`.slice(0, 500);
  if (code !== null && code >= 500 && code < 600) {
    return { permanent: true, userUnknown: (code === 550 || code === 551 || code === 553) && USER_UNKNOWN.test(e.response ?? e.message ?? ""), message };
  }
  return { permanent: false, userUnknown: false, message };
}

// ── Queueing ────────────────────────────────────────────────────────────────────────────────────

export function chunkJobId(bulletinId: string, chunk: number): string {
  return `bulletin-${bulletinId}-${chunk}`;
}
