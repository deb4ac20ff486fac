/**
 * Mailgun's webhooks (JSON): signature.signature = HMAC-SHA256(signing key, timestamp + token), hex.
 * https://documentation.mailgun.com/docs/mailgun/user-manual/tracking-messages/#securing-webhooks
 */
import crypto from "node:crypto";
import type { BounceKind } from "~/generated/prisma/client";
import { sameSecret } from "./config.server";
import { address, deliveryReference, isObject, parseJson, text, type HookRead } from "./common.server";

export function mailgunSignature(key: string, timestamp: string, token: string): string {
  return crypto.createHmac("sha256", key).update(timestamp + token).digest("hex");
}

function kindOf(data: Record<string, unknown>): BounceKind | null {
  if (data.event === "complained") return "COMPLAINT";
  if (data.event === "failed") return data.severity === "permanent" ? "HARD" : "SOFT";
  return null;
}

export function readMailgun(key: string, body: string): HookRead {
  const payload = parseJson(body);
  const signature = isObject(payload) && isObject(payload.signature) ? payload.signature : null;
  const timestamp = text(signature?.timestamp, 20);
  const token = text(signature?.token, 200);
  const given = text(signature?.signature, 200);
  if (!timestamp || !token || !given || !sameSecret(given.toLowerCase(), mailgunSignature(key, timestamp, token))) return { ok: false, status: 401, reason: "bad Mailgun signature" };
  const data = isObject(payload) && isObject(payload["event-data"]) ? payload["event-data"] : null;
  if (!data) return { ok: false, status: 400, reason: "no event-data" };
  const kind = kindOf(data);
  const recipient = address(data.recipient);
  const id = text(data.id, 100);
  if (!kind || !recipient || !id) return { ok: true, events: [], ignored: 1 };
  const status = isObject(data["delivery-status"]) ? data["delivery-status"] : {};
  const message = isObject(data.message) && isObject(data.message.headers) ? data.message.headers : {};
  return {
    ok: true,
    ignored: 0,
    events: [
      {
        eventId: id,
        raw: body,
        report: { kind, recipient, status: text(status.code, 40) ?? text(data.reason, 40), diagnostic: text(status.message) ?? text(status.description) ?? text(data.reason), ...deliveryReference({ messageId: text(message["message-id"]) }) },
      },
    ],
  };
}
