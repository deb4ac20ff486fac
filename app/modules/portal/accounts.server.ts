/**
 * Applicant accounts (decision 029): their own table, sessions, one-time links and rate limits,
 * apart from staff users. Passwords are hashed as staff passwords are (argon2id, auth module).
 *
 * Abuse, as on the event kiosk: fixed-window limits per client IP (the only limit an answer shows)
 * and, silently, per address (its HMAC, never the address, names the bucket); the honeypot field;
 * sign-up and reset give one answer whatever the address, no sooner than MIN_RESPONSE_MS, so
 * neither the page nor its timing tells whether an account exists.
 */
import { randomUUID } from "node:crypto";
import type { ApplicantTokenKind } from "~/generated/prisma/client";
import { appHmac, randomToken, sha256 } from "~/lib/crypto.server";
import { db } from "~/lib/db.server";
import { env } from "~/lib/env.server";
import { hit, take } from "~/lib/rate-limit.server";
import { DEFAULT_LOCALE, isLocale, type Locale } from "~/i18n";
import { audit } from "~/modules/audit/index.server";
import { dummyPasswordHash, hashPassword, verifyPassword } from "~/modules/auth/index.server";
import { sendTransactionalMail } from "~/modules/mail/index.server";
import { PortalError } from "./errors";
import { PORTAL_HONEYPOT } from "./schema";

export const PORTAL_LIMITS = {
  signUpPerIp: { limit: 10, windowSeconds: 3600 },
  mailsPerAddress: { limit: 3, windowSeconds: 86_400 },
  loginPerIp: { limit: 30, windowSeconds: 900 },
  loginPerAddress: { limit: 8, windowSeconds: 900 },
  resetPerIp: { limit: 10, windowSeconds: 3600 },
};
export const MIN_RESPONSE_MS = 400;
export const APPLICANT_SESSION_DAYS = 7;
export const TOKEN_TTL_MS: Record<ApplicantTokenKind, number> = { VERIFY: 72 * 3_600_000, RESET: 3_600_000 };
const LINK_SEGMENT: Record<ApplicantTokenKind, string> = { VERIFY: "verificar", RESET: "restablecer" };

export type PortalContext = { ip: string | null; minResponseMs?: number };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function withMinimumDuration<T>(minMs: number, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  try {
    return await work();
  } finally {
    const remaining = minMs + Math.floor(Math.random() * 50) - (Date.now() - started);
    if (remaining > 0) await sleep(remaining);
  }
}

const addressBucket = (purpose: string, email: string) => `portal-${purpose}:${appHmac("rate-limit:portal", email)}`;

function tokenSecret(id: string): string {
  return appHmac("applicant-token", id);
}

async function issueToken(accountId: string, kind: ApplicantTokenKind): Promise<string> {
  const id = randomUUID();
  await db.applicantToken.deleteMany({ where: { accountId, kind, usedAt: null } });
  await db.applicantToken.create({ data: { id, accountId, kind, tokenHash: sha256(tokenSecret(id)), expiresAt: new Date(Date.now() + TOKEN_TTL_MS[kind]) } });
  return id;
}

/** The worker's look-up for a queued link: null once used, expired or replaced. */
export async function applicantTokenForMail(tokenId: string, slug: string, now = new Date()) {
  const row = await db.applicantToken.findUnique({ where: { id: tokenId }, include: { account: { select: { email: true } } } });
  if (!row || row.usedAt || row.expiresAt.getTime() <= now.getTime()) return null;
  const base = env().APP_URL.replace(/\/+$/, "");
  return { to: row.account.email, url: `${base}/convocatoria/${slug}/${LINK_SEGMENT[row.kind]}/${tokenSecret(row.id)}` };
}

/** The address of an applicant account (the worker's look-up for receipts). */
export async function applicantEmail(accountId: string): Promise<string | null> {
  return (await db.applicantAccount.findUnique({ where: { id: accountId }, select: { email: true } }))?.email ?? null;
}

async function mailToken(accountId: string, kind: ApplicantTokenKind, slug: string, locale: Locale): Promise<void> {
  // Each address gets a few mails a day at most, however often it is typed.
  const perAddress = await hit(addressBucket("mail", accountId), PORTAL_LIMITS.mailsPerAddress.limit, PORTAL_LIMITS.mailsPerAddress.windowSeconds);
  if (!perAddress.allowed) return;
  const id = await issueToken(accountId, kind);
  await sendTransactionalMail({ template: kind === "VERIFY" ? "portalVerify" : "portalReset", to: { applicantToken: id }, locale, data: { slug } });
}

export type PublicAnswer = { status: "accepted" } | { status: "rateLimited"; retryAfterSeconds: number };

function robot(form: Record<string, unknown>): boolean {
  const value = form[PORTAL_HONEYPOT];
  return typeof value === "string" && value.trim() !== "";
}

/**
 * Sign-up: one answer for a new address, a known one and a robot. A new address gets an account
 * (unverified) and a verification link; an unverified one gets the link again; a verified one
 * gets nothing (its owner can reset the password).
 */
export async function signUp(input: { email: string; password: string }, form: Record<string, unknown>, slug: string, locale: Locale, ctx: PortalContext): Promise<PublicAnswer> {
  const limited = await hit(`portal-signup:${ctx.ip ?? "unknown"}`, PORTAL_LIMITS.signUpPerIp.limit, PORTAL_LIMITS.signUpPerIp.windowSeconds);
  if (!limited.allowed) return { status: "rateLimited", retryAfterSeconds: limited.retryAfterSeconds };
  return withMinimumDuration(ctx.minResponseMs ?? MIN_RESPONSE_MS, async () => {
    // Hashing always happens, so a known address costs the same time as a new one.
    const passwordHash = await hashPassword(input.password);
    if (robot(form)) return { status: "accepted" } as const;
    const existing = await db.applicantAccount.findUnique({ where: { email: input.email }, select: { id: true, emailVerifiedAt: true, locale: true } });
    if (existing) {
      if (!existing.emailVerifiedAt) await mailToken(existing.id, "VERIFY", slug, isLocale(existing.locale) ? existing.locale : DEFAULT_LOCALE);
      return { status: "accepted" } as const;
    }
    try {
      const account = await db.applicantAccount.create({ data: { email: input.email, passwordHash, locale } });
      await audit({ userId: null, ip: ctx.ip }, { action: "portal.account.create", entity: "applicantAccount", entityId: account.id, after: { email: input.email } });
      await mailToken(account.id, "VERIFY", slug, locale);
    } catch (error) {
      // Two sign-ups of one address at once: the second is answered like any known address.
      if (!(error instanceof Error && "code" in error && error.code === "P2002")) throw error;
    }
    return { status: "accepted" } as const;
  });
}

async function consumeToken(secret: string, kind: ApplicantTokenKind): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(secret)) return null;
  const row = await db.applicantToken.findUnique({ where: { tokenHash: sha256(secret) } });
  if (!row || row.kind !== kind) return null;
  const { count } = await db.applicantToken.updateMany({ where: { id: row.id, usedAt: null, expiresAt: { gt: new Date() } }, data: { usedAt: new Date() } });
  return count === 1 ? row.accountId : null;
}

/** Whether a link is still usable (to show its form). */
export async function tokenUsable(secret: string, kind: ApplicantTokenKind): Promise<boolean> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(secret)) return false;
  const row = await db.applicantToken.findUnique({ where: { tokenHash: sha256(secret) }, select: { kind: true, usedAt: true, expiresAt: true } });
  return !!row && row.kind === kind && !row.usedAt && row.expiresAt.getTime() > Date.now();
}

/** The verification link: marks the address verified; the caller signs the account in. */
export async function verifyEmail(secret: string, ip: string | null): Promise<string> {
  const accountId = await consumeToken(secret, "VERIFY");
  if (!accountId) throw new PortalError("tokenInvalid");
  await db.applicantAccount.update({ where: { id: accountId }, data: { emailVerifiedAt: new Date() } });
  await audit({ userId: null, ip }, { action: "portal.account.verify", entity: "applicantAccount", entityId: accountId });
  return accountId;
}

/** Password login, limited per client IP and per address (all or nothing, as for staff). */
export async function logIn(input: { email: string; password: string }, ctx: PortalContext): Promise<string> {
  const allowance = await take([
    { bucket: `portal-login:${ctx.ip ?? "unknown"}`, ...PORTAL_LIMITS.loginPerIp },
    { bucket: addressBucket("login", input.email), ...PORTAL_LIMITS.loginPerAddress },
  ]);
  if (!allowance.allowed) throw new PortalError("rateLimited", "_form", { seconds: allowance.retryAfterSeconds });
  const account = await db.applicantAccount.findUnique({ where: { email: input.email }, select: { id: true, passwordHash: true, emailVerifiedAt: true } });
  const ok = await verifyPassword(account?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!account || !ok) {
    await audit({ userId: null, ip: ctx.ip }, { action: "portal.login.failed", entity: "applicantAccount", entityId: account?.id, after: { known: !!account } });
    throw new PortalError("invalidCredentials");
  }
  if (!account.emailVerifiedAt) throw new PortalError("notVerified");
  await db.applicantAccount.update({ where: { id: account.id }, data: { lastLoginAt: new Date() } });
  await audit({ userId: null, ip: ctx.ip }, { action: "portal.login", entity: "applicantAccount", entityId: account.id });
  return account.id;
}

/** Reset: one answer whatever the address. */
export async function requestReset(input: { email: string }, form: Record<string, unknown>, slug: string, ctx: PortalContext): Promise<PublicAnswer> {
  const limited = await hit(`portal-reset:${ctx.ip ?? "unknown"}`, PORTAL_LIMITS.resetPerIp.limit, PORTAL_LIMITS.resetPerIp.windowSeconds);
  if (!limited.allowed) return { status: "rateLimited", retryAfterSeconds: limited.retryAfterSeconds };
  return withMinimumDuration(ctx.minResponseMs ?? MIN_RESPONSE_MS, async () => {
    if (robot(form)) return { status: "accepted" } as const;
    const account = await db.applicantAccount.findUnique({ where: { email: input.email }, select: { id: true, locale: true } });
    if (account) await mailToken(account.id, "RESET", slug, isLocale(account.locale) ? account.locale : DEFAULT_LOCALE);
    return { status: "accepted" } as const;
  });
}

/** A new password by the reset link; every session of the account ends; the address counts as verified. */
export async function resetPassword(secret: string, password: string, ip: string | null): Promise<string> {
  const accountId = await consumeToken(secret, "RESET");
  if (!accountId) throw new PortalError("tokenInvalid");
  const passwordHash = await hashPassword(password);
  await db.$transaction([
    db.applicantAccount.update({ where: { id: accountId }, data: { passwordHash, emailVerifiedAt: new Date() } }),
    db.applicantSession.deleteMany({ where: { accountId } }),
  ]);
  await audit({ userId: null, ip }, { action: "portal.account.reset", entity: "applicantAccount", entityId: accountId });
  return accountId;
}

// ── Sessions (the cookie itself is app/lib/applicant-session.server.ts) ─────────────────────────

/** A new session; returns the cookie's token (only its SHA-256 is stored). */
export async function startApplicantSession(accountId: string, ip: string | null): Promise<string> {
  const token = randomToken();
  const now = new Date();
  await db.applicantSession.create({ data: { id: sha256(token), accountId, ip, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + APPLICANT_SESSION_DAYS * 86_400_000) } });
  return token;
}

export type Applicant = { accountId: string; email: string; locale: Locale; organisationId: string | null; organisationName: string | null };

export async function applicantForToken(token: string): Promise<Applicant | null> {
  const id = sha256(token);
  const session = await db.applicantSession.findUnique({
    where: { id },
    include: { account: { select: { id: true, email: true, locale: true, emailVerifiedAt: true, organisation: { select: { id: true, name: true } } } } },
  });
  if (!session) return null;
  const now = Date.now();
  if (session.expiresAt.getTime() <= now || !session.account.emailVerifiedAt) {
    await db.applicantSession.deleteMany({ where: { id } });
    return null;
  }
  if (now - session.lastSeenAt.getTime() > 60_000) await db.applicantSession.update({ where: { id }, data: { lastSeenAt: new Date(now) } });
  const { account } = session;
  return {
    accountId: account.id,
    email: account.email,
    locale: isLocale(account.locale) ? account.locale : DEFAULT_LOCALE,
    organisationId: account.organisation?.id ?? null,
    organisationName: account.organisation?.name ?? null,
  };
}

export async function endApplicantSession(token: string): Promise<void> {
  await db.applicantSession.deleteMany({ where: { id: sha256(token) } });
}
