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
import { PASSWORD_MIN_LENGTH } from "~/modules/auth";
import { dummyPasswordHash, hashPassword, verifyPassword } from "~/modules/auth/index.server";
import { sendTransactionalMail } from "~/modules/mail/index.server";
import { PortalError } from "./errors";
import { PORTAL_HONEYPOT } from "./schema";
import { withMinimumDuration } from "~/lib/timing.server";

export const PORTAL_LIMITS = {
  signUpPerIp: { limit: 10, windowSeconds: 3600 },
  mailsPerAddress: { limit: 3, windowSeconds: 86_400 },
  loginPerIp: { limit: 30, windowSeconds: 900 },
  loginPerAddress: { limit: 8, windowSeconds: 900 },
  resetPerIp: { limit: 10, windowSeconds: 3600 },
  magicPerIp: { limit: 10, windowSeconds: 3600 },
  magicPerAddress: { limit: 5, windowSeconds: 86_400 },
  invitePerIp: { limit: 30, windowSeconds: 3600 },
  invitePerAccount: { limit: 20, windowSeconds: 86_400 },
  acceptPerIp: { limit: 20, windowSeconds: 3600 },
};
/** Accounts plus pending invitations one organisation may have. */
export const MAX_MEMBERS = 10;
export const MIN_RESPONSE_MS = 400;
export const APPLICANT_SESSION_DAYS = 7;
export const TOKEN_TTL_MS: Record<ApplicantTokenKind, number> = { VERIFY: 72 * 3_600_000, RESET: 3_600_000, INVITE: 7 * 86_400_000, MAGIC: 15 * 60_000 };
const LINK_SEGMENT: Record<ApplicantTokenKind, string> = { VERIFY: "verificar", RESET: "restablecer", INVITE: "invitacion", MAGIC: "enlace" };
const MAIL_TEMPLATE = { VERIFY: "portalVerify", RESET: "portalReset", INVITE: "portalInvite", MAGIC: "portalMagic" } as const;

export type PortalContext = { ip: string | null; minResponseMs?: number };


const addressBucket = (purpose: string, email: string) => `portal-${purpose}:${appHmac("rate-limit:portal", email)}`;

function tokenSecret(id: string): string {
  return appHmac("applicant-token", id);
}

/** A new link replaces the account's unused one of the same kind (an invitation: the same address's). */
async function issueToken(accountId: string, kind: ApplicantTokenKind, invite?: { email: string; organisationId: string }): Promise<string> {
  const id = randomUUID();
  await db.applicantToken.deleteMany({ where: invite ? { kind, organisationId: invite.organisationId, email: invite.email, usedAt: null } : { accountId, kind, usedAt: null } });
  await db.applicantToken.create({ data: { id, accountId, kind, tokenHash: sha256(tokenSecret(id)), expiresAt: new Date(Date.now() + TOKEN_TTL_MS[kind]), ...invite } });
  return id;
}

/** The worker's look-up for a queued link: null once used, expired, replaced or revoked. */
export async function applicantTokenForMail(tokenId: string, slug: string, now = new Date()) {
  const row = await db.applicantToken.findUnique({ where: { id: tokenId }, include: { account: { select: { email: true } } } });
  if (!row || row.usedAt || row.expiresAt.getTime() <= now.getTime()) return null;
  const base = env().APP_URL.replace(/\/+$/, "");
  const url = `${base}/convocatoria/${slug}/${LINK_SEGMENT[row.kind]}/${tokenSecret(row.id)}`;
  // An invitation goes to the address invited and names who invited (read now, not when queued).
  if (row.kind === "INVITE") return row.email ? { to: row.email, url, inviter: row.account.email } : null;
  return { to: row.account.email, url };
}

/** The address of an applicant account (the worker's look-up for receipts). */
export async function applicantEmail(accountId: string): Promise<string | null> {
  return (await db.applicantAccount.findUnique({ where: { id: accountId }, select: { email: true } }))?.email ?? null;
}

async function mailToken(accountId: string, kind: "VERIFY" | "RESET" | "MAGIC", slug: string, locale: Locale): Promise<void> {
  // Each address gets a few mails a day at most, however often it is typed.
  const limit = kind === "MAGIC" ? PORTAL_LIMITS.magicPerAddress : PORTAL_LIMITS.mailsPerAddress;
  const perAddress = await hit(addressBucket(kind === "MAGIC" ? "magic" : "mail", accountId), limit.limit, limit.windowSeconds);
  if (!perAddress.allowed) return;
  const id = await issueToken(accountId, kind);
  await sendTransactionalMail({ template: MAIL_TEMPLATE[kind], to: { applicantToken: id }, locale, data: { slug } });
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
      await audit({ userId: null, ip: ctx.ip, applicantId: account.id }, { action: "portal.account.create", entity: "applicantAccount", entityId: account.id, after: { email: input.email } });
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
  await audit({ userId: null, ip, applicantId: accountId }, { action: "portal.account.verify", entity: "applicantAccount", entityId: accountId });
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
    await audit({ userId: null, ip: ctx.ip, applicantId: account?.id ?? null }, { action: "portal.login.failed", entity: "applicantAccount", entityId: account?.id, after: { known: !!account } });
    throw new PortalError("invalidCredentials");
  }
  if (!account.emailVerifiedAt) throw new PortalError("notVerified");
  await db.applicantAccount.update({ where: { id: account.id }, data: { lastLoginAt: new Date() } });
  await audit({ userId: null, ip: ctx.ip, applicantId: account.id }, { action: "portal.login", entity: "applicantAccount", entityId: account.id });
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
  await audit({ userId: null, ip, applicantId: accountId }, { action: "portal.account.reset", entity: "applicantAccount", entityId: accountId });
  return accountId;
}

// ── Magic-link sign-in ───────────────────────────────────────────────────────────────────────────

/** «Send me a link»: one answer whatever the address; a link (15 minutes, once) only to an account. */
export async function requestMagicLink(input: { email: string }, form: Record<string, unknown>, slug: string, ctx: PortalContext): Promise<PublicAnswer> {
  const limited = await hit(`portal-magic:${ctx.ip ?? "unknown"}`, PORTAL_LIMITS.magicPerIp.limit, PORTAL_LIMITS.magicPerIp.windowSeconds);
  if (!limited.allowed) return { status: "rateLimited", retryAfterSeconds: limited.retryAfterSeconds };
  return withMinimumDuration(ctx.minResponseMs ?? MIN_RESPONSE_MS, async () => {
    if (robot(form)) return { status: "accepted" } as const;
    const account = await db.applicantAccount.findUnique({ where: { email: input.email }, select: { id: true, locale: true } });
    if (account) await mailToken(account.id, "MAGIC", slug, isLocale(account.locale) ? account.locale : DEFAULT_LOCALE);
    return { status: "accepted" } as const;
  });
}

/** The magic link's button: signs the account in; the link proves the address, so it counts as verified. */
export async function signInWithMagicLink(secret: string, ip: string | null): Promise<string> {
  const accountId = await consumeToken(secret, "MAGIC");
  if (!accountId) throw new PortalError("tokenInvalid");
  const now = new Date();
  await db.applicantAccount.update({ where: { id: accountId }, data: { lastLoginAt: now } });
  await db.applicantAccount.updateMany({ where: { id: accountId, emailVerifiedAt: null }, data: { emailVerifiedAt: now } });
  await audit({ userId: null, ip, applicantId: accountId }, { action: "portal.login.magic", entity: "applicantAccount", entityId: accountId });
  return accountId;
}

// ── Members invited by the organisation ──────────────────────────────────────────────────────────

const pendingInvites = (organisationId: string, now = new Date()) => ({ kind: "INVITE" as const, organisationId, usedAt: null, expiresAt: { gt: now } });

/** The organisation's accounts and its pending invitations (at most MAX_MEMBERS in all). */
export async function organisationMembers(applicant: Applicant) {
  if (!applicant.organisationId) throw new PortalError("noOrganisation");
  const [accounts, invitations] = await Promise.all([
    db.applicantAccount.findMany({ where: { organisationId: applicant.organisationId }, orderBy: { createdAt: "asc" }, select: { id: true, email: true, createdAt: true }, take: MAX_MEMBERS + 1 }),
    db.applicantToken.findMany({ where: pendingInvites(applicant.organisationId), orderBy: { createdAt: "asc" }, select: { id: true, email: true, expiresAt: true }, take: MAX_MEMBERS + 1 }),
  ]);
  return {
    max: MAX_MEMBERS,
    accounts: accounts.map((a) => ({ id: a.id, email: a.email, since: a.createdAt.toISOString(), you: a.id === applicant.accountId })),
    invitations: invitations.map((i) => ({ id: i.id, email: i.email ?? "", expiresAt: i.expiresAt.toISOString() })),
  };
}

/**
 * A member's invitation, by mail. The answer is the same whether the address is new, has an
 * account, or belongs to another organisation (that is told only to whoever opens the link).
 * Limited per client IP and per account; MAX_MEMBERS counts accounts and pending invitations.
 */
export async function inviteMember(applicant: Applicant, input: { email: string }, slug: string, ctx: PortalContext, opts: { mail?: boolean } = {}): Promise<void> {
  const organisationId = applicant.organisationId;
  if (!organisationId) throw new PortalError("noOrganisation");
  const allowance = await take([
    { bucket: `portal-invite:${ctx.ip ?? "unknown"}`, ...PORTAL_LIMITS.invitePerIp },
    { bucket: `portal-invite-account:${applicant.accountId}`, ...PORTAL_LIMITS.invitePerAccount },
  ]);
  if (!allowance.allowed) throw new PortalError("rateLimited", "_form", { seconds: allowance.retryAfterSeconds });
  if (await db.applicantAccount.count({ where: { email: input.email, organisationId } })) return;
  const [members, pending] = await Promise.all([
    db.applicantAccount.count({ where: { organisationId } }),
    db.applicantToken.count({ where: { ...pendingInvites(organisationId), email: { not: input.email } } }),
  ]);
  if (members + pending >= MAX_MEMBERS) throw new PortalError("membersFull", "email", { max: MAX_MEMBERS });
  const id = await issueToken(applicant.accountId, "INVITE", { email: input.email, organisationId });
  await audit({ userId: null, ip: ctx.ip, applicantId: applicant.accountId }, { action: "portal.member.invite", entity: "applicantOrganisation", entityId: organisationId, after: { email: input.email } });
  if (opts.mail === false) return;
  await sendTransactionalMail({ template: "portalInvite", to: { applicantToken: id }, locale: applicant.locale, data: { slug, organisation: applicant.organisationName ?? "" } });
}

/** Withdraws a pending invitation of the applicant's own organisation (any other is notFound). */
export async function revokeInvitation(applicant: Applicant, invitationId: string, ctx: PortalContext): Promise<void> {
  if (!applicant.organisationId) throw new PortalError("noOrganisation");
  const removed = await db.applicantToken.deleteMany({ where: { id: invitationId, kind: "INVITE", organisationId: applicant.organisationId, usedAt: null } });
  if (removed.count === 0) throw new PortalError("notFound");
  await audit({ userId: null, ip: ctx.ip, applicantId: applicant.accountId }, { action: "portal.member.revoke", entity: "applicantOrganisation", entityId: applicant.organisationId, after: { invitationId } });
}

/** What the person who opened an invitation can do: nothing (used, expired, revoked), set a password, or just accept. */
export type InvitationView =
  | { usable: false }
  | { usable: true; organisation: string; email: string; needsPassword: boolean; otherOrganisation: boolean };

async function usableInvitation(secret: string) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(secret)) return null;
  const row = await db.applicantToken.findUnique({ where: { tokenHash: sha256(secret) }, include: { organisation: { select: { id: true, name: true } } } });
  if (!row || row.kind !== "INVITE" || row.usedAt || row.expiresAt.getTime() <= Date.now() || !row.organisation || !row.email) return null;
  const existing = await db.applicantAccount.findUnique({ where: { email: row.email }, select: { id: true, emailVerifiedAt: true, organisationId: true } });
  return { row, organisation: row.organisation, email: row.email, existing };
}

export async function invitationView(secret: string): Promise<InvitationView> {
  const found = await usableInvitation(secret);
  if (!found) return { usable: false };
  const { existing } = found;
  return {
    usable: true,
    organisation: found.organisation.name,
    email: found.email,
    // An unverified account may be anyone's squat on the address: the invitee sets the password.
    needsPassword: !existing?.emailVerifiedAt,
    otherOrganisation: !!existing?.organisationId && existing.organisationId !== found.organisation.id,
  };
}

/**
 * Accepts an invitation (once): a new account with the password chosen, or the address's
 * account linked; verified (the link proves the address) and in the inviting organisation.
 * An account already in another organisation is refused and the link stays usable.
 */
export async function acceptInvitation(secret: string, password: string | null, ctx: PortalContext): Promise<string> {
  const limited = await hit(`portal-accept:${ctx.ip ?? "unknown"}`, PORTAL_LIMITS.acceptPerIp.limit, PORTAL_LIMITS.acceptPerIp.windowSeconds);
  if (!limited.allowed) throw new PortalError("rateLimited", "_form", { seconds: limited.retryAfterSeconds });
  const found = await usableInvitation(secret);
  if (!found) throw new PortalError("tokenInvalid");
  const { row, existing, organisation } = found;
  if (existing?.organisationId && existing.organisationId !== organisation.id) throw new PortalError("otherOrganisation");
  const needsPassword = !existing?.emailVerifiedAt;
  if (needsPassword && (!password || password.length < PASSWORD_MIN_LENGTH)) throw new PortalError("passwordShort", "password");
  const passwordHash = needsPassword && password ? await hashPassword(password) : null;
  const now = new Date();
  const accountId = await db.$transaction(async (tx) => {
    const claimed = await tx.applicantToken.updateMany({ where: { id: row.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (claimed.count === 0) throw new PortalError("tokenInvalid");
    let id: string;
    if (existing) {
      const linked = await tx.applicantAccount.updateMany({
        where: { id: existing.id, OR: [{ organisationId: null }, { organisationId: organisation.id }] },
        data: { organisationId: organisation.id, emailVerifiedAt: existing.emailVerifiedAt ?? now, lastLoginAt: now, ...(passwordHash ? { passwordHash } : {}) },
      });
      if (linked.count === 0) throw new PortalError("otherOrganisation");
      // A password set here ends whatever sessions an unverified squatter might have had.
      if (passwordHash) await tx.applicantSession.deleteMany({ where: { accountId: existing.id } });
      id = existing.id;
    } else {
      const created = await tx.applicantAccount.create({ data: { email: found.email, passwordHash: passwordHash!, emailVerifiedAt: now, lastLoginAt: now, organisationId: organisation.id } });
      id = created.id;
    }
    await audit({ userId: null, ip: ctx.ip, applicantId: id }, { action: "portal.member.join", entity: "applicantOrganisation", entityId: organisation.id, after: { email: found.email, invitedBy: row.accountId } }, tx);
    return id;
  }).catch((error: unknown) => {
    // The address signed up between the page and the click: nothing was spent; the next click links it.
    if (error instanceof Error && "code" in error && error.code === "P2002") throw new PortalError("tokenInvalid");
    throw error;
  });
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
