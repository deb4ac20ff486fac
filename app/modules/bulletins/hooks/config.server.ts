/**
 * Which bounce webhooks are on, from the environment. A provider without its secret is off, and
 * its endpoint answers 401 to everything (it still exists: a provider probing it learns nothing).
 */
import crypto from "node:crypto";
import type { BounceProvider } from "../bounces.server";

export type HookConfig = {
  /** SNS topics whose messages we accept (BOUNCE_SES_TOPIC_ARNS, comma-separated). */
  sesTopicArns: string[];
  /** Extra trusted prefix for SNS certificate and subscribe URLs (BOUNCE_SNS_TRUSTED_URL_PREFIX): a private mirror, or the tests' local server. */
  snsTrustedUrlPrefix: string | null;
  /** SendGrid's "Signed Event Webhook" verification key (base64 DER or PEM; BOUNCE_SENDGRID_PUBLIC_KEY). */
  sendgridPublicKey: crypto.KeyObject | null;
  /** Postmark's webhook basic-auth credentials (BOUNCE_POSTMARK_USER, BOUNCE_POSTMARK_PASSWORD). */
  postmark: { user: string; password: string } | null;
  /** Mailgun's HTTP webhook signing key (BOUNCE_MAILGUN_SIGNING_KEY). */
  mailgunSigningKey: string | null;
};

export function parsePublicKey(text: string): crypto.KeyObject {
  const trimmed = text.trim();
  if (trimmed.startsWith("-----BEGIN")) return crypto.createPublicKey(trimmed);
  return crypto.createPublicKey({ key: Buffer.from(trimmed, "base64"), format: "der", type: "spki" });
}

export function hookConfigFrom(env: Record<string, string | undefined>): HookConfig {
  const value = (name: string) => env[name]?.trim() || null;
  const postmarkUser = value("BOUNCE_POSTMARK_USER");
  const postmarkPassword = value("BOUNCE_POSTMARK_PASSWORD");
  return {
    sesTopicArns: (value("BOUNCE_SES_TOPIC_ARNS") ?? "").split(",").map((s) => s.trim()).filter(Boolean),
    snsTrustedUrlPrefix: value("BOUNCE_SNS_TRUSTED_URL_PREFIX"),
    sendgridPublicKey: value("BOUNCE_SENDGRID_PUBLIC_KEY") ? parsePublicKey(value("BOUNCE_SENDGRID_PUBLIC_KEY")!) : null,
    postmark: postmarkUser && postmarkPassword ? { user: postmarkUser, password: postmarkPassword } : null,
    mailgunSigningKey: value("BOUNCE_MAILGUN_SIGNING_KEY"),
  };
}

let cached: HookConfig | undefined;
export function hookConfig(): HookConfig {
  cached ??= hookConfigFrom(process.env);
  return cached;
}

export function isConfigured(provider: BounceProvider, config: HookConfig): boolean {
  switch (provider) {
    case "ses":
      return config.sesTopicArns.length > 0;
    case "sendgrid":
      return config.sendgridPublicKey !== null;
    case "postmark":
      return config.postmark !== null;
    case "mailgun":
      return config.mailgunSigningKey !== null;
  }
}

/** Compares secrets in constant time (for equal lengths; a length difference is not secret). */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}
