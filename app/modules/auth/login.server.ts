import { z } from "zod";
import { db } from "~/lib/db.server";
import { env } from "~/lib/env.server";
import { bump, current, reset, take } from "~/lib/rate-limit.server";
import { audit } from "~/modules/audit/index.server";
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

/** The rate-limit buckets of one login attempt; each holds a count for LOGIN_WINDOW_SECONDS. */
export function loginBuckets(email: string, ip: string) {
  const account = normalizeEmail(email);
  return {
    // Every attempt from one address, whatever the account.
    ip: `login:ip:${ip}`,
    // Failures for one account from one address.
    client: `login:account:${account}:ip:${ip}`,
    // Failures for one account from every address (password-reset.server.ts clears it by name).
    account: `login:account:${account}`,
  };
}

/**
 * Checks the password. The answer is the same for a wrong password, an unknown account and a
 * deactivated one, and costs the same time; the limits below key on the typed e-mail whether or
 * not the account exists, so their answers are the same too.
 *
 * Only failures count against an account, and they count per address: after
 * LOGIN_MAX_FAILURES_PER_CLIENT failures that address is refused for that account (even with the
 * right password) until the window ends. Someone guessing from one place therefore cannot lock the
 * owner out from another. Once the account has had LOGIN_ACCOUNT_BACKOFF_AFTER failures from all
 * addresses together (a window that restarts with every failure), each address gets a single failure
 * for it per window: many addresses guess far slower, yet an address that has not failed still
 * gets in with the right password. LOGIN_MAX_PER_IP caps every attempt from one address. A refused
 * attempt is not counted anywhere.
 */
export async function login(input: { email: string; password: string }, request: Request): Promise<LoginResult> {
  const { LOGIN_MAX_PER_IP, LOGIN_MAX_FAILURES_PER_CLIENT, LOGIN_ACCOUNT_BACKOFF_AFTER, LOGIN_WINDOW_SECONDS } = env();
  const email = normalizeEmail(input.email);
  const ip = clientIp(request) ?? "unknown";
  const buckets = loginBuckets(email, ip);
  const underAttack = (await current(buckets.account)) >= LOGIN_ACCOUNT_BACKOFF_AFTER;
  // The attempt counts as this address's failure up front, so parallel guesses cannot overshoot
  // the limit; a success takes it back below.
  const allowance = await take([
    { bucket: buckets.ip, limit: LOGIN_MAX_PER_IP, windowSeconds: LOGIN_WINDOW_SECONDS },
    { bucket: buckets.client, limit: underAttack ? 1 : LOGIN_MAX_FAILURES_PER_CLIENT, windowSeconds: LOGIN_WINDOW_SECONDS },
  ]);
  if (!allowance.allowed) {
    await audit({ userId: null, ip }, { action: "login.rateLimited", entity: "user", after: { email } });
    return { ok: false, error: "rateLimited", retryAfterSeconds: allowance.retryAfterSeconds };
  }

  const user = await db.user.findUnique({ where: { email } });
  const valid = user?.passwordHash
    ? await verifyPassword(user.passwordHash, input.password)
    : (await verifyPassword(await dummyPasswordHash(), input.password), false);

  if (!user || !valid || !user.active) {
    await bump(buckets.account, LOGIN_WINDOW_SECONDS);
    await audit({ userId: user?.id ?? null, ip }, { action: "login.failed", entity: "user", entityId: user?.id, after: { email } });
    return { ok: false, error: "invalid" };
  }

  // This address's earlier failures are forgiven; the account-wide count is not, or the owner
  // logging in would hand a distributed guesser a fresh allowance.
  await reset(buckets.client);
  // Rotation: any session this browser had is replaced by a new one.
  const cookie = await createSession(user.id, request, { mfaPending: user.totpEnabled });
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  await audit({ userId: user.id, ip }, { action: user.totpEnabled ? "login.passwordOk" : "login.ok", entity: "user", entityId: user.id });
  return { ok: true, cookie, mfaPending: user.totpEnabled };
}
