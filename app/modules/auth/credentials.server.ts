import { z } from "zod";
import type { TokenKind } from "~/generated/prisma/client";
import { db, type Prisma } from "~/lib/db.server";
import { fieldErrors } from "~/lib/forms";
import { audit, type AuditActor } from "~/modules/audit/index.server";
import { newPasswordSchema } from "~/modules/users";
import { hashPassword } from "./password.server";
import { clientIp, createSession, destroySession } from "./session.server";
import { consumeToken, findValidToken } from "./tokens.server";

/**
 * Setting a password, shared by the password reset, the invitation and the account page:
 * argon2id hash, stored, audited in the same transaction.
 */

/** New password twice; the messages are translation keys (the "too short" one takes {min}). */
export const newPasswordFields = {
  password: z.string().min(1, "auth.errors.newPasswordRequired").pipe(newPasswordSchema),
  confirmPassword: z.string().min(1, "auth.errors.confirmRequired").max(1000),
};

export function passwordsMatch(value: { password: string; confirmPassword: string }): boolean {
  return value.password === value.confirmPassword;
}
export const PASSWORD_MISMATCH = { path: ["confirmPassword"], message: "auth.errors.passwordMismatch" };

export const newPasswordPairSchema = z.object(newPasswordFields).refine(passwordsMatch, PASSWORD_MISMATCH);

type Tx = Prisma.TransactionClient;

/** Stores an already computed hash and audits it, inside the caller's transaction. */
export async function storePasswordHash(tx: Tx, userId: string, passwordHash: string, actor: AuditActor, action: string, after?: unknown): Promise<void> {
  await tx.user.update({ where: { id: userId }, data: { passwordHash } });
  await audit(actor, { action, entity: "user", entityId: userId, ...(after === undefined ? {} : { after }) }, tx);
}

/** Hashes and stores a new password for a known user (account page). */
export async function setPassword(userId: string, password: string, actor: AuditActor, action: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db.$transaction((tx) => storePasswordHash(tx, userId, passwordHash, actor, action));
}

export type TokenPasswordResult = { ok: true; userId: string } | { ok: false; error: "invalidToken" };

/**
 * Uses a one-time token (invitation or reset) to set the password. The token is consumed in
 * the same transaction as the password change: a used, expired or unknown token changes nothing.
 */
export async function setPasswordWithToken(
  token: string,
  kind: TokenKind,
  password: string,
  opts: { ip?: string | null; action: string },
): Promise<TokenPasswordResult> {
  const row = await findValidToken(token, kind);
  if (!row) return { ok: false, error: "invalidToken" };
  const passwordHash = await hashPassword(password);
  const userId = await db.$transaction(async (tx) => {
    const consumed = await consumeToken(token, kind, tx);
    if (!consumed) return null;
    await storePasswordHash(tx, consumed, passwordHash, { userId: consumed, ip: opts.ip ?? null }, opts.action);
    return consumed;
  });
  return userId ? { ok: true, userId } : { ok: false, error: "invalidToken" };
}

/** What the invitation page shows: who is invited, or null when the link is not usable. */
export async function findInvitation(token: string) {
  const row = await findValidToken(token, "INVITE");
  return row ? { name: row.user.name, email: row.user.email } : null;
}

export type AcceptInvitationResult = { ok: true; cookie: string; mfaPending: boolean } | { ok: false; error: "invalidToken" };

/**
 * Accepts an invitation: sets the password, uses the token up, and logs the person in with a
 * new session (any session this browser had is ended: rotation).
 */
export async function acceptInvitation(token: string, password: string, request: Request): Promise<AcceptInvitationResult> {
  const ip = clientIp(request);
  const result = await setPasswordWithToken(token, "INVITE", password, { ip, action: "user.inviteAccepted" });
  if (!result.ok) return result;
  const user = await db.user.update({ where: { id: result.userId }, data: { lastLoginAt: new Date() }, select: { totpEnabled: true } });
  await destroySession(request);
  const cookie = await createSession(result.userId, request, { mfaPending: user.totpEnabled });
  await audit({ userId: result.userId, ip }, { action: user.totpEnabled ? "login.passwordOk" : "login.ok", entity: "user", entityId: result.userId, after: { via: "invite" } });
  return { ok: true, cookie, mfaPending: user.totpEnabled };
}

/** An e-mailed link's token as the pages read it (public pages): a malformed one is simply not valid. */
const linkTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{20,200}$/);

export function linkToken(param: string | undefined): string | null {
  const token = linkTokenSchema.safeParse(param);
  return token.success ? token.data : null;
}

export type LinkPasswordRefusal = { ok: false; status: 400 | 410; tokenInvalid: boolean; errors: Record<string, string> };
const LINK_SPENT: LinkPasswordRefusal = { ok: false, status: 410, tokenInvalid: true, errors: {} };

/**
 * The POST of a set-password page behind an e-mailed link (invitation, password reset): a bad
 * new-password pair is refused field by field (400); a malformed, expired or used link reads as
 * «no longer valid» (410). Otherwise `setPassword` sets it with the link's token.
 */
export async function setPasswordFromLink<R extends { ok: true } | { ok: false }>(
  tokenParam: string | undefined,
  form: Record<string, unknown>,
  setPassword: (token: string, password: string) => Promise<R>,
): Promise<Extract<R, { ok: true }> | LinkPasswordRefusal> {
  const token = linkToken(tokenParam);
  if (!token) return LINK_SPENT;
  const parsed = newPasswordPairSchema.safeParse(form);
  if (!parsed.success) return { ok: false, status: 400, tokenInvalid: false, errors: fieldErrors(parsed.error) };
  const result = await setPassword(token, parsed.data.password);
  return result.ok ? (result as Extract<R, { ok: true }>) : LINK_SPENT;
}
