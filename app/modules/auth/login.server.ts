import { z } from "zod";
import { db } from "~/lib/db.server";
import { env } from "~/lib/env.server";
import { hit, reset } from "~/lib/rate-limit.server";
import { audit } from "~/modules/audit/audit.server";
import { dummyPasswordHash, verifyPassword } from "./password.server";
import { clientIp, createSession } from "./session.server";

export function normalizeEmail(email: string): string {
  return email.trim().normalize("NFC").toLowerCase();
}

export const loginSchema = z.object({
  email: z.string().trim().min(1, "auth.errors.emailRequired").max(320).email("auth.errors.emailInvalid"),
  password: z.string().min(1, "auth.errors.passwordRequired").max(1000),
  redirectTo: z.string().optional(),
});

export type LoginResult =
  | { ok: true; cookie: string; mfaPending: boolean }
  | { ok: false; error: "invalid" }
  | { ok: false; error: "rateLimited"; retryAfterSeconds: number };

/**
 * Checks the password. The answer is the same for a wrong password, an unknown account and a
 * deactivated one, and costs the same time. Limited per IP and per account in Redis.
 */
export async function login(input: { email: string; password: string }, request: Request): Promise<LoginResult> {
  const { LOGIN_MAX_PER_IP, LOGIN_MAX_PER_ACCOUNT, LOGIN_WINDOW_SECONDS } = env();
  const email = normalizeEmail(input.email);
  const ip = clientIp(request) ?? "unknown";
  const byIp = await hit(`login:ip:${ip}`, LOGIN_MAX_PER_IP, LOGIN_WINDOW_SECONDS);
  const accountBucket = `login:account:${email}`;
  const byAccount = await hit(accountBucket, LOGIN_MAX_PER_ACCOUNT, LOGIN_WINDOW_SECONDS);
  if (!byIp.allowed || !byAccount.allowed) {
    await audit({ userId: null, ip }, { action: "login.rateLimited", entity: "user", after: { email } });
    return { ok: false, error: "rateLimited", retryAfterSeconds: Math.max(byIp.retryAfterSeconds, byAccount.retryAfterSeconds) };
  }

  const user = await db.user.findUnique({ where: { email } });
  const valid = user?.passwordHash
    ? await verifyPassword(user.passwordHash, input.password)
    : (await verifyPassword(await dummyPasswordHash(), input.password), false);

  if (!user || !valid || !user.active) {
    await audit({ userId: user?.id ?? null, ip }, { action: "login.failed", entity: "user", entityId: user?.id, after: { email } });
    return { ok: false, error: "invalid" };
  }

  await reset(accountBucket);
  // Rotation: any session this browser had is replaced by a new one.
  const cookie = await createSession(user.id, request, { mfaPending: user.totpEnabled });
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  await audit({ userId: user.id, ip }, { action: user.totpEnabled ? "login.passwordOk" : "login.ok", entity: "user", entityId: user.id });
  return { ok: true, cookie, mfaPending: user.totpEnabled };
}
