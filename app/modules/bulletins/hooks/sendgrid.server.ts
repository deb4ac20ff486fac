/**
 * SendGrid's Signed Event Webhook: ECDSA (P-256, SHA-256) over timestamp + raw body, the signature
 * in X-Twilio-Email-Event-Webhook-Signature (base64 DER), the key shown in SendGrid's settings.
 * https://www.twilio.com/docs/sendgrid/for-developers/tracking-events/getting-started-event-webhook-security-features
 */
import crypto from "node:crypto";
import type { BounceKind } from "~/generated/prisma/client";
import { address, deliveryReference, isObject, parseJson, text, type HookEvent, type HookRead } from "./common.server";

export const SENDGRID_SIGNATURE = "x-twilio-email-event-webhook-signature";
export const SENDGRID_TIMESTAMP = "x-twilio-email-event-webhook-timestamp";

export function verifySendgrid(key: crypto.KeyObject, body: string, signature: string | null, timestamp: string | null): boolean {
  if (!signature || !timestamp) return false;
  try {
    return crypto.verify("sha256", Buffer.from(timestamp + body, "utf8"), key, Buffer.from(signature, "base64"));
  } catch {
    return false;
  }
}

function kindOf(event: Record<string, unknown>): BounceKind | null {
  if (event.event === "spamreport") return "COMPLAINT";
  // "bounce" is permanent; "blocked" (type of a bounce event) is a refusal that may pass later.
  if (event.event === "bounce") return event.type === "blocked" ? "SOFT" : "HARD";
  return null;
}

export function readSendgrid(key: crypto.KeyObject, body: string, headers: Headers): HookRead {
  if (!verifySendgrid(key, body, headers.get(SENDGRID_SIGNATURE), headers.get(SENDGRID_TIMESTAMP))) return { ok: false, status: 401, reason: "bad SendGrid signature" };
  const payload = parseJson(body);
  if (!Array.isArray(payload)) return { ok: false, status: 400, reason: "not an event list" };
  const events: HookEvent[] = [];
  let ignored = 0;
  for (const event of payload) {
    const kind = isObject(event) ? kindOf(event) : null;
    const recipient = isObject(event) ? address(event.email) : null;
    const eventId = isObject(event) ? text(event.sg_event_id, 100) : null;
    if (!isObject(event) || !kind || !recipient || !eventId) {
      ignored += 1;
      continue;
    }
    events.push({
      eventId,
      raw: JSON.stringify(event),
      report: { kind, recipient, status: text(event.status, 40) ?? text(event.type, 40), diagnostic: text(event.reason), ...deliveryReference({ messageId: text(event["smtp-id"]) }) },
    });
  }
  return { ok: true, events, ignored };
}
