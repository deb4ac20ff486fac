/**
 * POST /hooks/bounces/:provider — bounces and complaints pushed by a mail provider (decision 034).
 * Order: provider configured (else 401, whatever the request) → rate limit (429) → verified
 * (401) → each event applied once per (provider, event id) by the same rules as a DSN.
 */
import { take } from "~/lib/rate-limit.server";
import { applyReport, type BounceProvider, type IngestAction } from "../bounces.server";
import { hookConfig, isConfigured, type HookConfig } from "./config.server";
import type { HookRead } from "./common.server";
import { readMailgun } from "./mailgun.server";
import { readPostmark } from "./postmark.server";
import { defaultFetcher, readSes, type UrlFetcher } from "./ses.server";
import { readSendgrid } from "./sendgrid.server";

export const BOUNCE_PROVIDERS = ["ses", "sendgrid", "postmark", "mailgun"] as const satisfies readonly BounceProvider[];
export function isBounceProvider(value: string | undefined): value is BounceProvider {
  return (BOUNCE_PROVIDERS as readonly string[]).includes(value ?? "");
}

/** Requests per minute one address may make to one provider's endpoint (a provider batches; this is generous). */
export const HOOK_RATE_PER_MINUTE = 600;

export type HookAnswer = { status: number; body: Record<string, unknown>; headers?: Record<string, string> };

const refused = (reason: string): HookAnswer => ({ status: 401, body: { error: "unauthorized", reason }, headers: { "WWW-Authenticate": 'Basic realm="bounces"' } });

async function read(provider: BounceProvider, request: Request, body: string, config: HookConfig, fetcher: UrlFetcher): Promise<HookRead> {
  switch (provider) {
    case "ses":
      return readSes(body, config, fetcher);
    case "sendgrid":
      return readSendgrid(config.sendgridPublicKey!, body, request.headers);
    case "postmark":
      return readPostmark(config.postmark!, body, request.headers);
    case "mailgun":
      return readMailgun(config.mailgunSigningKey!, body);
  }
}

export async function handleBounceHook(
  provider: BounceProvider,
  request: Request,
  opts: { config?: HookConfig; fetcher?: UrlFetcher } = {},
): Promise<HookAnswer> {
  const config = opts.config ?? hookConfig();
  if (!isConfigured(provider, config)) return refused("not configured");
  if (request.method !== "POST") return refused("POST only");
  const ip = request.headers.get("x-alcance-client-ip") ?? "unknown";
  const limit = await take([{ bucket: `bounce-hook:${provider}:${ip}`, limit: HOOK_RATE_PER_MINUTE, windowSeconds: 60 }]);
  if (!limit.allowed) return { status: 429, body: { error: "rate limited" }, headers: { "Retry-After": String(limit.retryAfterSeconds) } };
  const body = await request.text();
  const result = await read(provider, request, body, config, opts.fetcher ?? defaultFetcher);
  if (!result.ok) return result.status === 401 ? refused(result.reason) : { status: 400, body: { error: result.reason } };
  const counts: Record<IngestAction, number> = { suppressed: 0, counted: 0, alreadySuppressed: 0, unknownContact: 0, duplicate: 0 };
  const actor = { userId: null, ip };
  for (const event of result.events) {
    const outcome = await applyReport(actor, event.report, { source: provider, eventId: event.eventId, raw: event.raw });
    counts[outcome.action] += 1;
  }
  return { status: 200, body: { received: result.events.length, ignored: result.ignored, ...counts, ...(result.note ? { note: result.note } : {}) } };
}

export { hookConfigFrom, parsePublicKey, type HookConfig } from "./config.server";
export { snsStringToSign, isTrustedSnsUrl, type UrlFetcher } from "./ses.server";
export { mailgunSignature } from "./mailgun.server";
export { SENDGRID_SIGNATURE, SENDGRID_TIMESTAMP } from "./sendgrid.server";
