/**
 * Postmark's bounce and spam-complaint webhooks, authenticated by the basic-auth credentials put
 * in the webhook URL (https://user:password@host/hooks/bounces/postmark).
 * https://postmarkapp.com/developer/webhooks/bounce-webhook
 */
import type { BounceKind } from "~/generated/prisma/client";
import { sameSecret } from "./config.server";
import { address, isObject, parseJson, text, type HookRead } from "./common.server";

export function basicAuthMatches(header: string | null, expected: { user: string; password: string }): boolean {
  const match = header ? /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header.trim()) : null;
  if (!match) return false;
  const decoded = Buffer.from(match[1]!, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return false;
  // Both compared, always: the answer takes as long whichever is wrong.
  const user = sameSecret(decoded.slice(0, colon), expected.user);
  const password = sameSecret(decoded.slice(colon + 1), expected.password);
  return user && password;
}

const HARD = new Set(["HardBounce", "BadEmailAddress", "ManuallyDeactivated"]);
const SOFT = new Set(["SoftBounce", "Transient", "DnsError", "Blocked", "SMTPApiError"]);

function kindOf(payload: Record<string, unknown>): BounceKind | null {
  if (payload.RecordType === "SpamComplaint" || payload.Type === "SpamComplaint") return "COMPLAINT";
  if (payload.RecordType !== "Bounce" || typeof payload.Type !== "string") return null;
  if (HARD.has(payload.Type)) return "HARD";
  if (SOFT.has(payload.Type)) return "SOFT";
  return null;
}

export function readPostmark(expected: { user: string; password: string }, body: string, headers: Headers): HookRead {
  if (!basicAuthMatches(headers.get("authorization"), expected)) return { ok: false, status: 401, reason: "bad Postmark credentials" };
  const payload = parseJson(body);
  if (!isObject(payload)) return { ok: false, status: 400, reason: "not a Postmark record" };
  const kind = kindOf(payload);
  const recipient = address(payload.Email);
  const id = text(payload.ID, 40);
  if (!kind || !recipient || !id) return { ok: true, events: [], ignored: 1 };
  return {
    ok: true,
    ignored: 0,
    events: [{ eventId: `${String(payload.RecordType)}:${id}`, raw: body, report: { kind, recipient, status: text(payload.Type, 40), diagnostic: text(payload.Details) ?? text(payload.Description), deliveryId: null, bulletinId: null } }],
  };
}
