import { z } from "zod";
import { db } from "~/lib/db.server";
import { hit, reset } from "~/lib/rate-limit.server";
import { audit, diff } from "~/modules/audit/index.server";
import { getSettings } from "~/modules/settings/index.server";
import { newPasswordFields, PASSWORD_MISMATCH, passwordsMatch, setPassword } from "./credentials.server";
import { verifyPassword } from "./password.server";
import { countUnusedRecoveryCodes } from "./two-factor.server";
import type { PreferencesInput } from "./account-schema";

export { preferencesSchema, type PreferencesInput } from "./account-schema";

/** The person's own account: preferences, password, sessions. */

export const PASSWORD_CHANGE_MAX_ATTEMPTS = 5;
export const PASSWORD_CHANGE_WINDOW_SECONDS = 15 * 60;

export const changePasswordSchema = z
  .object({ currentPassword: z.string().min(1, "auth.errors.currentPasswordRequired").max(1000), ...newPasswordFields })
  .refine(passwordsMatch, PASSWORD_MISMATCH);
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

type Ip = string | null | undefined;

export async function getAccount(userId: string, currentSessionId: string) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, name: true, email: true, role: true, locale: true, timeZone: true, totpEnabled: true },
  });
  const [otherSessions, recoveryCodesLeft, settings] = await Promise.all([
    db.session.count({ where: { userId, id: { not: currentSessionId }, expiresAt: { gt: new Date() } } }),
    user.totpEnabled ? countUnusedRecoveryCodes(userId) : Promise.resolve(0),
    getSettings(),
  ]);
  return { ...user, otherSessions, recoveryCodesLeft, organisationTimeZone: settings.timeZone };
}

export async function updatePreferences(userId: string, input: PreferencesInput, opts: { ip?: Ip } = {}): Promise<{ changed: boolean }> {
  const before = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { locale: true, timeZone: true } });
  const after = { locale: input.locale, timeZone: input.timeZone };
  const change = diff(before, after);
  if (!change.changed) return { changed: false };
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: after });
    await audit({ userId, ip: opts.ip }, { action: "account.preferences", entity: "user", entityId: userId, before: change.before, after: change.after }, tx);
  });
  return { changed: true };
}

export type ChangePasswordResult =
  | { ok: true; sessionsEnded: number }
  | { ok: false; error: "currentInvalid" }
  | { ok: false; error: "rateLimited"; retryAfterSeconds: number };

/**
 * Needs the current password (limited per user, so a borrowed session cannot guess it). The
 * account's other sessions are ended: whoever knew the old password is logged out.
 */
export async function changePassword(
  userId: string,
  currentSessionId: string,
  input: { currentPassword: string; password: string },
  opts: { ip?: Ip } = {},
): Promise<ChangePasswordResult> {
  const bucket = `password-change:${userId}`;
  const limit = await hit(bucket, PASSWORD_CHANGE_MAX_ATTEMPTS, PASSWORD_CHANGE_WINDOW_SECONDS);
  if (!limit.allowed) {
    await audit({ userId, ip: opts.ip }, { action: "password.changeRateLimited", entity: "user", entityId: userId });
    return { ok: false, error: "rateLimited", retryAfterSeconds: limit.retryAfterSeconds };
  }
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await audit({ userId, ip: opts.ip }, { action: "password.changeFailed", entity: "user", entityId: userId });
    return { ok: false, error: "currentInvalid" };
  }
  await reset(bucket);
  await setPassword(userId, input.password, { userId, ip: opts.ip }, "password.change");
  const sessionsEnded = await endOtherSessions(userId, currentSessionId, { ip: opts.ip, reason: "password.change" });
  return { ok: true, sessionsEnded };
}

/** Logs the account out everywhere except here. */
export async function endOtherSessions(userId: string, currentSessionId: string, opts: { ip?: Ip; reason?: string } = {}): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { userId, id: { not: currentSessionId } } });
  await audit({ userId, ip: opts.ip }, { action: "session.endOthers", entity: "user", entityId: userId, after: { count, ...(opts.reason ? { reason: opts.reason } : {}) } });
  return count;
}
