/**
 * Amazon SES through SNS. Every SNS message is signed (SignatureVersion 1: SHA1withRSA, 2:
 * SHA256withRSA) with a certificate published at SigningCertURL; we fetch it only from an SNS
 * host over https (or the configured trusted prefix) and check the canonical string AWS
 * documents. A SubscriptionConfirmation is confirmed by visiting its SubscribeURL (same rule).
 * https://docs.aws.amazon.com/sns/latest/dg/sns-verify-signature-of-message.html
 */
import crypto from "node:crypto";
import type { BounceKind } from "~/generated/prisma/client";
import type { HookConfig } from "./config.server";
import { address, deliveryReference, isObject, parseJson, text, type HookEvent, type HookRead } from "./common.server";

/** GETs a URL and returns its body (injected in tests; the default is fetch with a timeout). */
export type UrlFetcher = (url: string) => Promise<string>;

export const defaultFetcher: UrlFetcher = async (url) => {
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000), redirect: "error" });
  if (!response.ok) throw new Error(`GET ${new URL(url).host} answered ${response.status}`);
  return response.text();
};

const SNS_HOST = /^sns\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/;

/** An SNS certificate or subscribe URL we may visit: https on an SNS host, or under the configured prefix. */
export function isTrustedSnsUrl(raw: unknown, config: Pick<HookConfig, "snsTrustedUrlPrefix">): raw is string {
  if (typeof raw !== "string") return false;
  if (config.snsTrustedUrlPrefix && raw.startsWith(config.snsTrustedUrlPrefix)) return true;
  try {
    const url = new URL(raw);
    return url.protocol === "https:" && SNS_HOST.test(url.hostname) && !url.username && !url.password && (url.port === "" || url.port === "443");
  } catch {
    return false;
  }
}

const NOTIFICATION_FIELDS = ["Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"];
const CONFIRMATION_FIELDS = ["Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"];

/** The string SNS signs: "Name\nvalue\n" for each present field, in this order. */
export function snsStringToSign(message: Record<string, unknown>): string {
  const fields = message.Type === "Notification" ? NOTIFICATION_FIELDS : CONFIRMATION_FIELDS;
  return fields
    .filter((name) => typeof message[name] === "string")
    .map((name) => `${name}\n${message[name] as string}\n`)
    .join("");
}

const certificates = new Map<string, string>();

async function certificate(url: string, fetcher: UrlFetcher): Promise<string> {
  const cached = certificates.get(url);
  if (cached) return cached;
  const pem = await fetcher(url);
  if (!pem.includes("-----BEGIN CERTIFICATE-----")) throw new Error("not a certificate");
  if (certificates.size > 20) certificates.clear();
  certificates.set(url, pem);
  return pem;
}

export async function verifySnsMessage(message: Record<string, unknown>, config: HookConfig, fetcher: UrlFetcher): Promise<boolean> {
  const version = message.SignatureVersion;
  if ((version !== "1" && version !== "2") || typeof message.Signature !== "string") return false;
  if (!isTrustedSnsUrl(message.SigningCertURL, config) || !/\.pem$/.test(new URL(message.SigningCertURL, "https://x.invalid").pathname)) return false;
  let pem: string;
  try {
    pem = await certificate(message.SigningCertURL, fetcher);
  } catch {
    return false;
  }
  try {
    const verifier = crypto.createVerify(version === "1" ? "RSA-SHA1" : "RSA-SHA256");
    verifier.update(snsStringToSign(message), "utf8");
    return verifier.verify(pem, message.Signature, "base64");
  } catch {
    return false;
  }
}

type SesRecipient = { emailAddress?: unknown; status?: unknown; diagnosticCode?: unknown; action?: unknown };

/** The reports in one SES notification (notification or event-publishing format). */
export function sesReports(notification: unknown, messageId: string, raw: string): { events: HookEvent[]; ignored: number } {
  if (!isObject(notification)) return { events: [], ignored: 1 };
  const type = notification.notificationType ?? notification.eventType;
  const mail = isObject(notification.mail) ? notification.mail : {};
  const headers = Array.isArray(mail.headers) ? (mail.headers as Array<{ name?: unknown; value?: unknown }>) : [];
  const headerValue = (name: string) => headers.find((h) => typeof h.name === "string" && h.name.toLowerCase() === name)?.value;
  const common = isObject(mail.commonHeaders) ? mail.commonHeaders : {};
  const ref = deliveryReference({ delivery: text(headerValue("x-alcance-delivery")), messageId: text(common.messageId) ?? text(headerValue("message-id")) });
  const events: HookEvent[] = [];
  if (type === "Bounce" && isObject(notification.bounce)) {
    const bounce = notification.bounce;
    // Permanent: the address does not exist or refuses us for good. Transient and Undetermined may pass later.
    const kind: BounceKind = bounce.bounceType === "Permanent" ? "HARD" : "SOFT";
    const recipients = Array.isArray(bounce.bouncedRecipients) ? (bounce.bouncedRecipients as SesRecipient[]) : [];
    recipients.forEach((r, index) => {
      const recipient = address(r.emailAddress);
      if (!recipient) return;
      const diagnostic = text(r.diagnosticCode) ?? text(bounce.bounceSubType);
      events.push({ eventId: `${messageId}#${index}`, raw, report: { kind, recipient, status: text(r.status, 40) ?? text(bounce.bounceSubType, 40), diagnostic, ...ref } });
    });
  } else if (type === "Complaint" && isObject(notification.complaint)) {
    const complaint = notification.complaint;
    if (complaint.complaintFeedbackType === "not-spam") return { events: [], ignored: 1 };
    const recipients = Array.isArray(complaint.complainedRecipients) ? (complaint.complainedRecipients as SesRecipient[]) : [];
    recipients.forEach((r, index) => {
      const recipient = address(r.emailAddress);
      if (!recipient) return;
      events.push({ eventId: `${messageId}#${index}`, raw, report: { kind: "COMPLAINT", recipient, status: text(complaint.complaintFeedbackType, 40) ?? "abuse", diagnostic: text(complaint.userAgent, 200), ...ref } });
    });
  } else {
    return { events: [], ignored: 1 };
  }
  return { events, ignored: 0 };
}

export async function readSes(body: string, config: HookConfig, fetcher: UrlFetcher): Promise<HookRead> {
  const message = parseJson(body);
  if (!isObject(message)) return { ok: false, status: 401, reason: "not an SNS message" };
  if (!(await verifySnsMessage(message, config, fetcher))) return { ok: false, status: 401, reason: "bad SNS signature" };
  // Signed, but for a topic that is not ours: someone else's subscription pointed at us.
  if (typeof message.TopicArn !== "string" || !config.sesTopicArns.includes(message.TopicArn)) return { ok: false, status: 401, reason: "unknown topic" };
  const messageId = text(message.MessageId, 100) ?? "";
  if (message.Type === "SubscriptionConfirmation") {
    if (!isTrustedSnsUrl(message.SubscribeURL, config)) return { ok: false, status: 401, reason: "untrusted SubscribeURL" };
    await fetcher(message.SubscribeURL);
    return { ok: true, events: [], ignored: 0, note: "subscribed" };
  }
  if (message.Type !== "Notification" || typeof message.Message !== "string") return { ok: true, events: [], ignored: 1 };
  return { ok: true, ...sesReports(parseJson(message.Message), messageId, body) };
}
