import { randomInt } from "node:crypto";
import QRCode from "qrcode";
import { z } from "zod";
import { db } from "~/lib/db.server";
import { decrypt, encrypt, sha256 } from "~/lib/crypto.server";
import { hit, reset } from "~/lib/rate-limit.server";
import { audit } from "~/modules/audit/index.server";
import { completeMfa } from "./session.server";
import { formatSecret, generateSecret, normalizeCode, otpauthUri, TOTP_ISSUER, verifyTotp } from "./totp";

/**
 * Two-factor authentication with TOTP, plus single-use recovery codes.
 *
 * The secret is stored encrypted (User.totpSecret) as soon as set-up begins, but is only
 * enabled once the person proves their app produces the right code. User.totpLastStep is the
 * time step of the last accepted code: a code is never accepted twice (RFC 6238 §5.2).
 * Recovery codes are stored as SHA-256 only and shown once.
 */

export const RECOVERY_CODE_COUNT = 10;
/** Every second-factor check (login, disable, regenerate) counts against this limit per user. */
export const MFA_MAX_ATTEMPTS = 5;
export const MFA_WINDOW_SECONDS = 15 * 60;

const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"; // no i, l, o, 0, 1: easy to read back

type Ip = string | null | undefined;

export const mfaBucket = (userId: string) => `mfa:${userId}`;

/** Form input for a TOTP code or a recovery code; the messages are translation keys. */
export const secondFactorSchema = z
  .object({
    code: z.string().trim().min(1, "auth.twoFactor.errors.codeRequired").max(64, "auth.twoFactor.errors.codeFormat"),
    mode: z.enum(["totp", "recovery"]).default("totp"),
  })
  .superRefine((value, ctx) => {
    if (value.mode === "totp" && !/^\d{6}$/.test(normalizeCode(value.code))) {
      ctx.addIssue({ code: "custom", path: ["code"], message: "auth.twoFactor.errors.codeFormat" });
    }
    if (value.mode === "recovery" && normalizeRecoveryCode(value.code).length !== 10) {
      ctx.addIssue({ code: "custom", path: ["code"], message: "auth.twoFactor.errors.recoveryFormat" });
    }
  });

/** A TOTP code only (setting up, regenerating codes). */
export const totpCodeSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1, "auth.twoFactor.errors.codeRequired")
    .refine((v) => /^\d{6}$/.test(normalizeCode(v)), "auth.twoFactor.errors.codeFormat"),
});

export function generateRecoveryCode(): string {
  let raw = "";
  for (let i = 0; i < 10; i++) raw += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
}

/** Letters and digits only, lower case: "ABCD EFGH JK" and "abcd-efgh-jk" are the same code. */
export function normalizeRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, "");
}

export function hashRecoveryCode(code: string): string {
  return sha256(`alcance-recovery\u0000${normalizeRecoveryCode(code)}`);
}

function looksLikeTotp(code: string): boolean {
  return /^\d{6}$/.test(normalizeCode(code));
}

export type SetupInfo = { uri: string; qrDataUrl: string; secret: string };

async function setupInfo(email: string, secret: string): Promise<SetupInfo> {
  const uri = otpauthUri(TOTP_ISSUER, email, secret);
  const svg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { uri, qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`, secret: formatSecret(secret) };
}

export class TwoFactorAlreadyEnabledError extends Error {
  constructor() {
    super("Two-factor authentication is already enabled");
  }
}

/**
 * Starts (or resumes) set-up: stores an encrypted pending secret and returns what the
 * authenticator app needs. A pending secret is reused unless `fresh` is asked for, so reloading
 * the page does not invalidate a QR code that was already scanned.
 */
export async function beginSetup(userId: string, opts: { fresh?: boolean; ip?: Ip } = {}): Promise<SetupInfo> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, totpSecret: true, totpEnabled: true } });
  if (user.totpEnabled) throw new TwoFactorAlreadyEnabledError();
  if (user.totpSecret && !opts.fresh) {
    try {
      return await setupInfo(user.email, decrypt(user.totpSecret));
    } catch {
      // Unreadable (APP_KEY changed): start over with a new secret below.
    }
  }
  const secret = generateSecret();
  const { count } = await db.user.updateMany({
    where: { id: userId, totpEnabled: false },
    data: { totpSecret: encrypt(secret), totpLastStep: null },
  });
  if (count !== 1) throw new TwoFactorAlreadyEnabledError();
  await audit({ userId, ip: opts.ip }, { action: "twoFactor.setupStarted", entity: "user", entityId: userId });
  return setupInfo(user.email, secret);
}

export type ConfirmResult = { ok: true; recoveryCodes: string[] } | { ok: false; error: "invalidCode" | "notPending" };

/** Enables two-factor authentication once the app's code is right; returns fresh recovery codes (shown once). */
export async function confirmSetup(userId: string, code: string, opts: { ip?: Ip } = {}): Promise<ConfirmResult> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { totpSecret: true, totpEnabled: true, totpLastStep: true } });
  if (user.totpEnabled || !user.totpSecret) return { ok: false, error: "notPending" };
  const step = verifyTotp(decrypt(user.totpSecret), code, Date.now(), user.totpLastStep);
  if (step === null) {
    await audit({ userId, ip: opts.ip }, { action: "twoFactor.enableFailed", entity: "user", entityId: userId });
    return { ok: false, error: "invalidCode" };
  }
  const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, generateRecoveryCode);
  const enabled = await db.$transaction(async (tx) => {
    // Conditional: the same pending secret, still not enabled (two tabs cannot both enable).
    const { count } = await tx.user.updateMany({
      where: { id: userId, totpEnabled: false, totpSecret: user.totpSecret },
      data: { totpEnabled: true, totpLastStep: step },
    });
    if (count !== 1) return false;
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await tx.recoveryCode.createMany({ data: recoveryCodes.map((c) => ({ userId, codeHash: hashRecoveryCode(c) })) });
    await audit({ userId, ip: opts.ip }, { action: "twoFactor.enable", entity: "user", entityId: userId, after: { totpEnabled: true } }, tx);
    return true;
  });
  return enabled ? { ok: true, recoveryCodes } : { ok: false, error: "notPending" };
}

type FactorCheck = { method: "totp" | "recovery" } | null;

/**
 * Checks and consumes a TOTP code (its step becomes the last accepted one) or, when allowed,
 * an unused recovery code. Both updates are conditional, so two requests racing with the same
 * code cannot both succeed.
 */
async function consumeSecondFactor(
  user: { id: string; totpSecret: string; totpLastStep: number | null },
  input: string,
  allowRecovery: boolean,
): Promise<FactorCheck> {
  if (looksLikeTotp(input)) {
    let secret: string;
    try {
      secret = decrypt(user.totpSecret);
    } catch {
      return null;
    }
    const step = verifyTotp(secret, input, Date.now(), user.totpLastStep);
    if (step === null) return null;
    const { count } = await db.user.updateMany({
      where: { id: user.id, totpEnabled: true, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
      data: { totpLastStep: step },
    });
    return count === 1 ? { method: "totp" } : null;
  }
  if (!allowRecovery || normalizeRecoveryCode(input).length !== 10) return null;
  const { count } = await db.recoveryCode.updateMany({
    where: { userId: user.id, codeHash: hashRecoveryCode(input), usedAt: null },
    data: { usedAt: new Date() },
  });
  return count === 1 ? { method: "recovery" } : null;
}

async function loadEnabledUser(userId: string) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, role: true, active: true, totpEnabled: true, totpSecret: true, totpLastStep: true },
  });
  if (!user || !user.active || !user.totpEnabled || !user.totpSecret) return null;
  return { ...user, totpSecret: user.totpSecret };
}

export function countUnusedRecoveryCodes(userId: string): Promise<number> {
  return db.recoveryCode.count({ where: { userId, usedAt: null } });
}

export type MfaError = "invalidCode" | "rateLimited" | "noSession" | "notEnabled" | "adminRequired";
export type MfaFailure = { ok: false; error: MfaError; retryAfterSeconds?: number };

export type VerifyLoginResult = { ok: true; method: "totp" | "recovery"; recoveryCodesLeft: number } | MfaFailure;

/**
 * The second step of logging in: a TOTP code or an unused recovery code completes the session.
 * Limited to MFA_MAX_ATTEMPTS per user per window.
 */
export async function verifyLogin(sessionId: string, userId: string, codeOrRecovery: string, opts: { ip?: Ip } = {}): Promise<VerifyLoginResult> {
  const actor = { userId, ip: opts.ip };
  const session = await db.session.findUnique({ where: { id: sessionId }, select: { userId: true, mfaPending: true } });
  if (!session || session.userId !== userId || !session.mfaPending) return { ok: false, error: "noSession" };

  const limit = await hit(mfaBucket(userId), MFA_MAX_ATTEMPTS, MFA_WINDOW_SECONDS);
  if (!limit.allowed) {
    await audit(actor, { action: "login.mfaRateLimited", entity: "user", entityId: userId });
    return { ok: false, error: "rateLimited", retryAfterSeconds: limit.retryAfterSeconds };
  }

  const user = await loadEnabledUser(userId);
  if (!user) return { ok: false, error: "notEnabled" };

  const check = await consumeSecondFactor(user, codeOrRecovery, true);
  if (!check) {
    await audit(actor, { action: "login.mfaFailed", entity: "user", entityId: userId });
    return { ok: false, error: "invalidCode" };
  }
  await completeMfa(sessionId);
  await reset(mfaBucket(userId));
  await db.user.update({ where: { id: userId }, data: { lastLoginAt: new Date() } });
  if (check.method === "recovery") {
    await audit(actor, { action: "twoFactor.recoveryCodeUsed", entity: "user", entityId: userId });
  }
  await audit(actor, { action: "login.ok", entity: "user", entityId: userId, after: { secondFactor: check.method } });
  return { ok: true, method: check.method, recoveryCodesLeft: await countUnusedRecoveryCodes(userId) };
}

/** Re-authentication for a sensitive change: a rate-limited second-factor check. */
async function checkForChange(userId: string, code: string, allowRecovery: boolean, action: string, ip: Ip) {
  const limit = await hit(mfaBucket(userId), MFA_MAX_ATTEMPTS, MFA_WINDOW_SECONDS);
  if (!limit.allowed) {
    await audit({ userId, ip }, { action: `${action}RateLimited`, entity: "user", entityId: userId });
    return { ok: false as const, error: "rateLimited" as const, retryAfterSeconds: limit.retryAfterSeconds };
  }
  const user = await loadEnabledUser(userId);
  if (!user) return { ok: false as const, error: "notEnabled" as const };
  const check = await consumeSecondFactor(user, code, allowRecovery);
  if (!check) {
    await audit({ userId, ip }, { action: `${action}Failed`, entity: "user", entityId: userId });
    return { ok: false as const, error: "invalidCode" as const };
  }
  await reset(mfaBucket(userId));
  return { ok: true as const, user, method: check.method };
}

/**
 * Turns two-factor authentication off (a current code or a recovery code is required).
 * Administrators must keep it: their accounts can change everyone's access.
 */
export async function disable(userId: string, code: string, opts: { ip?: Ip } = {}): Promise<{ ok: true } | MfaFailure> {
  const role = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { role: true } });
  if (role.role === "ADMIN") return { ok: false, error: "adminRequired" };
  const check = await checkForChange(userId, code, true, "twoFactor.disable", opts.ip);
  if (!check.ok) return check;
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { totpEnabled: false, totpSecret: null, totpLastStep: null } });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await audit(
      { userId, ip: opts.ip },
      { action: "twoFactor.disable", entity: "user", entityId: userId, before: { totpEnabled: true }, after: { totpEnabled: false, with: check.method } },
      tx,
    );
  });
  return { ok: true };
}

/** Replaces every recovery code (the old ones stop working); needs a current TOTP code. */
export async function regenerateRecoveryCodes(userId: string, code: string, opts: { ip?: Ip } = {}): Promise<{ ok: true; recoveryCodes: string[] } | MfaFailure> {
  const check = await checkForChange(userId, code, false, "twoFactor.recoveryCodes", opts.ip);
  if (!check.ok) return check;
  const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, generateRecoveryCode);
  await db.$transaction(async (tx) => {
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await tx.recoveryCode.createMany({ data: recoveryCodes.map((c) => ({ userId, codeHash: hashRecoveryCode(c) })) });
    await audit({ userId, ip: opts.ip }, { action: "twoFactor.recoveryCodesRegenerated", entity: "user", entityId: userId }, tx);
  });
  return { ok: true, recoveryCodes };
}

export type TwoFactorState =
  | { enabled: true; recoveryCodesLeft: number; canDisable: boolean }
  | { enabled: false; mustSetUp: boolean; setup: SetupInfo };

/** What the two-factor page shows; starts set-up when it is off. */
export async function twoFactorState(userId: string, opts: { ip?: Ip } = {}): Promise<TwoFactorState> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { role: true, totpEnabled: true } });
  if (user.totpEnabled) {
    return { enabled: true, recoveryCodesLeft: await countUnusedRecoveryCodes(userId), canDisable: user.role !== "ADMIN" };
  }
  return { enabled: false, mustSetUp: user.role === "ADMIN", setup: await beginSetup(userId, opts) };
}
