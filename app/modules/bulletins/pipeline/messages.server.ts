/** One message of a bulletin, its unsubscribe token and ids, and SMTP errors classified. A leaf: bulletins.server.ts imports it. */
import type { SendMailOptions } from "nodemailer";
import { env } from "~/lib/env.server";
import { signToken } from "~/lib/crypto.server";
import { type AppSettings } from "~/modules/settings/index.server";
import { randomUUID } from "node:crypto";
import { mergeBulletin, type CompiledBulletin } from "../../../../emails/bulk/render.server";
import { composable, composeRaw } from "./mime.server";

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

type Recipient = { deliveryId: string | null; email: string; contactId: number | null; values: Parameters<typeof mergeBulletin>[1] };

/** What every message of a bulletin carries besides its body: links, ids and list headers. */
function envelopeOf(bulletin: SendableBulletin, settings: Pick<AppSettings, "institutionName" | "postalAddress">, recipient: Recipient) {
  const token = unsubscribeToken(recipient.contactId, bulletin.id);
  const unsubscribeUrl = `${env().APP_URL.replace(/\/$/, "")}/u/${token}`;
  return {
    context: { institutionName: settings.institutionName, postalAddress: settings.postalAddress, unsubscribeUrl, privacyUrl: `${unsubscribeUrl}#aviso-de-privacidad` },
    listUnsubscribe: `<${unsubscribeUrl}>, <mailto:${bulletin.fromEmail}?subject=${encodeURIComponent(`unsubscribe ${token}`)}>`,
    listId: `<bulletins.${domainOf(bulletin.fromEmail)}>`,
    messageId: recipient.deliveryId ? deliveryMessageId(recipient.deliveryId, bulletin.id, bulletin.fromEmail) : undefined,
    extra: { Precedence: "bulk", "Auto-Submitted": "auto-generated", ...(recipient.deliveryId ? { "X-Alcance-Delivery": `${bulletin.id}/${recipient.deliveryId}` } : {}) } as Record<string, string>,
  };
}

/** One recipient's message for nodemailer to compose (the benchmark's raw baseline, and addresses outside ASCII). */
export function buildMessage(
  bulletin: SendableBulletin,
  compiled: CompiledBulletin,
  settings: Pick<AppSettings, "institutionName" | "postalAddress">,
  recipient: Recipient,
  opts: { subjectPrefix?: string } = {},
): SendMailOptions {
  const parts = envelopeOf(bulletin, settings, recipient);
  const merged = mergeBulletin(compiled, recipient.values, parts.context);
  return {
    from: { name: bulletin.fromName, address: bulletin.fromEmail },
    to: recipient.email,
    replyTo: bulletin.replyTo ?? undefined,
    subject: `${opts.subjectPrefix ?? ""}${merged.subject}`,
    html: merged.html,
    text: merged.text,
    messageId: parts.messageId,
    headers: { "List-Unsubscribe": parts.listUnsubscribe, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click", "List-Id": parts.listId, ...parts.extra },
  };
}

export type ComposedMessage = { kind: "raw"; message: SendMailOptions & { raw: string } } | { kind: "fields"; message: SendMailOptions & { html: string } };

/**
 * One recipient's message as the pipeline sends it: composed from the bulletin's MIME template
 * (mime.server.ts) when every address is plain ASCII, by nodemailer otherwise. Same headers and
 * the same decoded parts either way (tests/unit/bulletin-mime.test.ts).
 */
export function composeMessage(
  bulletin: SendableBulletin,
  compiled: CompiledBulletin,
  settings: Pick<AppSettings, "institutionName" | "postalAddress">,
  recipient: Recipient,
  opts: { subjectPrefix?: string } = {},
): ComposedMessage {
  if (!composable(recipient.email, bulletin.fromEmail, bulletin.replyTo)) {
    return { kind: "fields", message: buildMessage(bulletin, compiled, settings, recipient, opts) as SendMailOptions & { html: string } };
  }
  const parts = envelopeOf(bulletin, settings, recipient);
  const messageId = parts.messageId ?? `<${randomUUID()}@${domainOf(bulletin.fromEmail)}>`;
  const { envelope, raw } = composeRaw(
    compiled,
    { from: { name: bulletin.fromName, address: bulletin.fromEmail }, to: recipient.email, replyTo: bulletin.replyTo, subjectPrefix: opts.subjectPrefix ?? "", messageId, listUnsubscribe: parts.listUnsubscribe, listId: parts.listId, extra: parts.extra },
    recipient.values,
    parts.context,
  );
  // from and to as well: the development outbox files the message under them.
  return { kind: "raw", message: { envelope, raw, messageId, from: bulletin.fromEmail, to: recipient.email } };
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
