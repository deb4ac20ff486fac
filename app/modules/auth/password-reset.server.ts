import { z } from "zod";
import { db } from "~/lib/db.server";
import { appHmac } from "~/lib/crypto.server";
import { hit, reset } from "~/lib/rate-limit.server";
import { DEFAULT_LOCALE, isLocale } from "~/i18n";
import { audit } from "~/modules/audit/index.server";
import { sendTransactionalMail } from "~/modules/mail/index.server";
import { setPasswordWithToken } from "./credentials.server";
import { normalizeEmail } from "./login.server";
import { clientIp, endAllSessions } from "./session.server";
import { findValidToken, issueTokenRecord } from "./tokens.server";

/**
 * Password reset by an e-mailed one-time link (PASSWORD_RESET token, valid 1 hour).
 * Asking gives the same answer whether or not the account exists.
 */

/** Per client address: the only limit that shows (it says nothing about any account). */
export const RESET_MAX_PER_IP = 10;
export const RESET_WINDOW_SECONDS = 60 * 60;
/** Per e-mail from one client address: a person retrying is never held back by someone else. */
export const RESET_MAX_PER_EMAIL_IP = 3;
/** Per e-mail from everywhere, slower: caps the mail an address can be sent by many clients. */
export const RESET_MAX_PER_EMAIL = 10;
export const RESET_EMAIL_WINDOW_SECONDS = 24 * 60 * 60;

export const forgotPasswordSchema = z.object({
  email: z.string().trim().min(1, "auth.errors.emailRequired").max(320, "auth.errors.emailInvalid").email("auth.errors.emailInvalid"),
});

export type RequestResetResult = { ok: true } | { ok: false; error: "rateLimited"; retryAfterSeconds: number };

async function issueAndSend(email: string, ip: string): Promise<void> {
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, locale: true, active: true } });
  if (!user || !user.active) {
    await audit({ userId: null, ip }, { action: "password.resetRequested", entity: "user", after: { email, sent: false } });
    return;
  }
  // The job carries the token row's id; the worker derives the link when it sends.
  const { id } = await issueTokenRecord(user.id, "PASSWORD_RESET");
  await sendTransactionalMail({ template: "passwordReset", to: { token: id }, locale: isLocale(user.locale) ? user.locale : DEFAULT_LOCALE, data: {} });
  await audit({ userId: null, ip }, { action: "password.resetRequested", entity: "user", entityId: user.id, after: { email, sent: true } });
}

/** Rate-limit buckets name the address by its HMAC: no e-mail address in Redis key names. */
function emailBucket(email: string): string {
  return appHmac("rate-limit:reset", email);
}

/**
 * Sends a reset link if an active account has this e-mail. The answer (and its timing: the
 * look-up and sending happen after answering) does not reveal whether the account exists.
 * Limited per client address (the one limit the answer shows), then per e-mail and client address
 * and, more slowly, per e-mail: past those the answer is the same and nothing is sent (audited).
 * Returns a promise of the background work as `done` for callers that must wait (tests).
 */
export async function requestPasswordReset(
  rawEmail: string,
  request: Request,
): Promise<RequestResetResult & { done: Promise<void> }> {
  const email = normalizeEmail(rawEmail);
  const ip = clientIp(request) ?? "unknown";
  const byIp = await hit(`reset:ip:${ip}`, RESET_MAX_PER_IP, RESET_WINDOW_SECONDS);
  if (!byIp.allowed) {
    await audit({ userId: null, ip }, { action: "password.resetRateLimited", entity: "user", after: { email, limit: "ip" } });
    return { ok: false, error: "rateLimited", retryAfterSeconds: byIp.retryAfterSeconds, done: Promise.resolve() };
  }
  const done = (async () => {
    const bucket = emailBucket(email);
    // Only what passes the per-client limit counts against the address's daily budget.
    const byEmailIp = await hit(`reset:email-ip:${bucket}:${ip}`, RESET_MAX_PER_EMAIL_IP, RESET_WINDOW_SECONDS);
    const byEmail = byEmailIp.allowed ? await hit(`reset:email:${bucket}`, RESET_MAX_PER_EMAIL, RESET_EMAIL_WINDOW_SECONDS) : null;
    if (!byEmailIp.allowed || !byEmail?.allowed) {
      await audit({ userId: null, ip }, { action: "password.resetRateLimited", entity: "user", after: { email, limit: byEmailIp.allowed ? "email" : "emailAndIp" } });
      return;
    }
    await issueAndSend(email, ip);
  })().catch((error: unknown) => {
    console.error("[auth] password reset e-mail could not be issued:", error);
  });
  return { ok: true, done };
}

/** Whether a reset link can still be used (to show the form or the "expired" message). */
export async function isResetTokenValid(token: string): Promise<boolean> {
  return (await findValidToken(token, "PASSWORD_RESET")) !== null;
}

export type ResetResult = { ok: true; userId: string; sessionsEnded: number } | { ok: false; error: "invalidToken" };

/** Uses the link: new password (argon2id), token spent, every session of the account ended. */
export async function resetPassword(token: string, newPassword: string, opts: { ip?: string | null } = {}): Promise<ResetResult> {
  const result = await setPasswordWithToken(token, "PASSWORD_RESET", newPassword, { ip: opts.ip, action: "password.reset" });
  if (!result.ok) return result;
  const sessionsEnded = await endAllSessions(result.userId);
  // Someone who was locked out by failed logins can use the new password straight away
  // (the per-account bucket of login.server; the per-address one stays).
  const { email } = await db.user.findUniqueOrThrow({ where: { id: result.userId }, select: { email: true } });
  await reset(`login:account:${email}`);
  await audit({ userId: result.userId, ip: opts.ip ?? null }, { action: "session.endAll", entity: "user", entityId: result.userId, after: { count: sessionsEnded, reason: "password.reset" } });
  return { ok: true, userId: result.userId, sessionsEnded };
}
