import { describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { decrypt } from "~/lib/crypto.server";
import { changePassword, changePasswordSchema, endOtherSessions, preferencesSchema, updatePreferences } from "~/modules/auth/account.server";
import { acceptInvitation, findInvitation, newPasswordPairSchema } from "~/modules/auth/credentials.server";
import { login } from "~/modules/auth/login.server";
import { verifyPassword } from "~/modules/auth/password.server";
import { isResetTokenValid, requestPasswordReset, resetPassword, RESET_MAX_PER_EMAIL, RESET_MAX_PER_EMAIL_IP } from "~/modules/auth/password-reset.server";
import { createSession, getSession } from "~/modules/auth/session.server";
import { issueToken } from "~/modules/auth/tokens.server";
import { base32Decode, stepAt, totpAt } from "~/modules/auth/totp";
import {
  beginSetup,
  confirmSetup,
  disable,
  hashRecoveryCode,
  regenerateRecoveryCodes,
  verifyLogin,
} from "~/modules/auth/two-factor.server";
import { createUser, TEST_PASSWORD, uniqueEmail, uniqueIp } from "../support/factories";
import { linkFrom, mailCount, waitForMail } from "../support/outbox";

const NEW_PASSWORD = "a-brand-new-long-passphrase";
const RECOVERY_FORMAT = /^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{2}$/;

function request(path = "/", cookie?: string): Request {
  return new Request(`http://localhost:3000${path}`, {
    headers: { "x-alcance-client-ip": uniqueIp(), "user-agent": "vitest", ...(cookie ? { cookie } : {}) },
  });
}

/** "name=value" from a Set-Cookie header, to send back as a Cookie header. */
function cookiePair(setCookie: string): string {
  return setCookie.split(";")[0] ?? "";
}

async function auditCount(action: string, entityId: string) {
  return db.auditLog.count({ where: { action, entityId } });
}

/** Logs in with the password; returns the pending session's id (the SHA-256 stored in the table). */
async function passwordStep(email: string): Promise<string> {
  const result = await login({ email, password: TEST_PASSWORD }, request("/login"));
  expect(result.ok).toBe(true);
  if (!result.ok) throw new Error("login failed");
  expect(result.mfaPending).toBe(true);
  const session = await getSession(request("/", cookiePair(result.cookie)));
  expect(session?.mfaPending).toBe(true);
  return session!.id;
}

/** A user with two-factor authentication enabled through the real set-up; returns its secret and codes. */
async function userWithTwoFactor(role: "COORDINATOR" | "ADMIN" = "COORDINATOR") {
  const user = await createUser({ role });
  const setup = await beginSetup(user.id);
  const secret = setup.secret.replace(/\s/g, "");
  const confirmed = await confirmSetup(user.id, totpAt(secret, Date.now()));
  if (!confirmed.ok) throw new Error(`confirmSetup failed: ${confirmed.error}`);
  return { user, secret, recoveryCodes: confirmed.recoveryCodes };
}

/** The code of the next time step: never used yet, and inside the ±1 step window. */
const nextCode = (secret: string) => totpAt(secret, Date.now() + 30_000);

describe("two-factor set-up", () => {
  it("stores an encrypted pending secret and gives an otpauth URI and a QR code", async () => {
    const user = await createUser();
    const setup = await beginSetup(user.id);
    const secret = setup.secret.replace(/\s/g, "");
    expect(base32Decode(secret)).toHaveLength(20);
    expect(setup.uri).toMatch(/^otpauth:\/\/totp\/Alcance:/);
    expect(new URL(setup.uri).searchParams.get("secret")).toBe(secret);
    expect(setup.qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(setup.qrDataUrl.split(",")[1]!, "base64").toString()).toContain("<svg");

    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.totpEnabled).toBe(false);
    expect(row.totpSecret).not.toContain(secret);
    expect(decrypt(row.totpSecret!)).toBe(secret);

    // Reloading the page keeps the key already scanned; asking for a fresh one replaces it.
    expect((await beginSetup(user.id)).secret).toBe(setup.secret);
    const fresh = await beginSetup(user.id, { fresh: true });
    expect(fresh.secret).not.toBe(setup.secret);
  });

  it("refuses a wrong code and enables with the right one, returning 10 recovery codes stored as hashes", async () => {
    const user = await createUser();
    const secret = (await beginSetup(user.id)).secret.replace(/\s/g, "");
    const right = totpAt(secret, Date.now());
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, "0");

    expect(await confirmSetup(user.id, wrong)).toEqual({ ok: false, error: "invalidCode" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).totpEnabled).toBe(false);

    const result = await confirmSetup(user.id, right);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.recoveryCodes).toHaveLength(10);
    expect(new Set(result.recoveryCodes).size).toBe(10);
    for (const code of result.recoveryCodes) expect(code).toMatch(RECOVERY_FORMAT);

    const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, include: { recoveryCodes: true } });
    expect(row.totpEnabled).toBe(true);
    expect(row.totpLastStep).toBeGreaterThanOrEqual(stepAt(Date.now()) - 1);
    expect(row.recoveryCodes).toHaveLength(10);
    const stored = row.recoveryCodes.map((r) => r.codeHash);
    for (const code of result.recoveryCodes) {
      expect(stored).not.toContain(code);
      expect(stored).toContain(hashRecoveryCode(code));
    }
    expect(await auditCount("twoFactor.enable", user.id)).toBe(1);

    // Already enabled: no second confirmation, no new secret.
    expect(await confirmSetup(user.id, nextCode(secret))).toEqual({ ok: false, error: "notPending" });
    await expect(beginSetup(user.id)).rejects.toThrow(/already enabled/);
  });
});

describe("logging in with two factors", () => {
  it("completes the session with a TOTP code and refuses the same code again", async () => {
    const { user, secret } = await userWithTwoFactor();
    const sessionId = await passwordStep(user.email);
    const code = nextCode(secret);

    const ok = await verifyLogin(sessionId, user.id, code, { ip: "127.0.0.9" });
    expect(ok).toEqual({ ok: true, method: "totp", recoveryCodesLeft: 10 });
    expect((await db.session.findUniqueOrThrow({ where: { id: sessionId } })).mfaPending).toBe(false);
    expect(await db.auditLog.count({ where: { action: "login.ok", entityId: user.id } })).toBe(1);

    // A finished session cannot be "completed" again.
    expect((await verifyLogin(sessionId, user.id, code)).ok).toBe(false);

    // Replay: the same code (or an older one) on a new login is refused.
    const second = await passwordStep(user.email);
    expect(await verifyLogin(second, user.id, code)).toEqual({ ok: false, error: "invalidCode" });
    expect(await verifyLogin(second, user.id, totpAt(secret, Date.now()))).toEqual({ ok: false, error: "invalidCode" });
    expect((await db.session.findUniqueOrThrow({ where: { id: second } })).mfaPending).toBe(true);
    expect(await auditCount("login.mfaFailed", user.id)).toBe(2);
  });

  it("accepts a recovery code once, in any case and with or without hyphens", async () => {
    const { user, recoveryCodes } = await userWithTwoFactor();
    const [first, second] = recoveryCodes as [string, string];

    const s1 = await passwordStep(user.email);
    expect(await verifyLogin(s1, user.id, first)).toEqual({ ok: true, method: "recovery", recoveryCodesLeft: 9 });
    expect(await auditCount("twoFactor.recoveryCodeUsed", user.id)).toBe(1);

    const s2 = await passwordStep(user.email);
    expect(await verifyLogin(s2, user.id, first)).toEqual({ ok: false, error: "invalidCode" });
    expect((await db.session.findUniqueOrThrow({ where: { id: s2 } })).mfaPending).toBe(true);

    const typed = ` ${second.replace(/-/g, "").toUpperCase()} `;
    expect(await verifyLogin(s2, user.id, typed)).toEqual({ ok: true, method: "recovery", recoveryCodesLeft: 8 });
  });

  it("stops after 5 wrong codes in the window, even a right one", async () => {
    const { user, recoveryCodes } = await userWithTwoFactor();
    const sessionId = await passwordStep(user.email);
    for (let i = 0; i < 5; i++) {
      expect(await verifyLogin(sessionId, user.id, "zzzz-zzzz-z" + String(i))).toEqual({ ok: false, error: "invalidCode" });
    }
    const limited = await verifyLogin(sessionId, user.id, recoveryCodes[0]!);
    expect(limited.ok).toBe(false);
    if (limited.ok) return;
    expect(limited.error).toBe("rateLimited");
    expect(limited.retryAfterSeconds).toBeGreaterThan(0);
    expect((await db.session.findUniqueOrThrow({ where: { id: sessionId } })).mfaPending).toBe(true);
    // The refused recovery code was not spent.
    expect(await db.recoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(10);
  });

  it("refuses a session of another user", async () => {
    const a = await userWithTwoFactor();
    const b = await userWithTwoFactor();
    const sessionOfA = await passwordStep(a.user.email);
    expect(await verifyLogin(sessionOfA, b.user.id, nextCode(b.secret))).toEqual({ ok: false, error: "noSession" });
  });
});

describe("managing two-factor authentication", () => {
  it("lets a non-admin disable it with a code, which removes the secret and the codes", async () => {
    const { user, secret } = await userWithTwoFactor();
    expect(await disable(user.id, "zzzz-zzzz-zz")).toEqual({ ok: false, error: "invalidCode" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).totpEnabled).toBe(true);
    expect(await disable(user.id, nextCode(secret))).toEqual({ ok: true });
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, include: { recoveryCodes: true } });
    expect(row.totpEnabled).toBe(false);
    expect(row.totpSecret).toBeNull();
    expect(row.recoveryCodes).toHaveLength(0);
    expect(await auditCount("twoFactor.disable", user.id)).toBe(1);
    // Logging in now needs only the password.
    const result = await login({ email: user.email, password: TEST_PASSWORD }, request("/login"));
    expect(result.ok && result.mfaPending).toBe(false);
  });

  it("never lets an administrator disable it", async () => {
    const { user, secret } = await userWithTwoFactor("ADMIN");
    expect(await disable(user.id, nextCode(secret))).toEqual({ ok: false, error: "adminRequired" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).totpEnabled).toBe(true);
  });

  it("regenerates recovery codes: the old ones stop working, the new ones work", async () => {
    const { user, secret, recoveryCodes } = await userWithTwoFactor();
    const result = await regenerateRecoveryCodes(user.id, nextCode(secret));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.recoveryCodes).toHaveLength(10);
    expect(result.recoveryCodes.some((c) => recoveryCodes.includes(c))).toBe(false);
    expect(await auditCount("twoFactor.recoveryCodesRegenerated", user.id)).toBe(1);

    const s1 = await passwordStep(user.email);
    expect((await verifyLogin(s1, user.id, recoveryCodes[0]!)).ok).toBe(false);
    expect((await verifyLogin(s1, user.id, result.recoveryCodes[0]!)).ok).toBe(true);
  });
});

describe("password reset", () => {
  it("e-mails a link that sets a new password, ends every session and works only once", async () => {
    const user = await createUser({ name: "Rosa Restablece" });
    await createSession(user.id, request(), { mfaPending: false });
    await createSession(user.id, request(), { mfaPending: false });
    // Locked out by failed logins from one address (the new password below logs in from another).
    const failing = () => new Request("http://localhost:3000/login", { headers: { "x-alcance-client-ip": "10.251.0.1" } });
    for (let i = 0; i < 5; i++) await login({ email: user.email, password: `wrong-${i}` }, failing());
    expect(await login({ email: user.email, password: TEST_PASSWORD }, failing())).toMatchObject({ ok: false, error: "rateLimited" });
    await db.session.deleteMany({ where: { userId: user.id } });
    await createSession(user.id, request(), { mfaPending: false });
    await createSession(user.id, request(), { mfaPending: false });
    const before = new Date(Date.now() - 1000);

    const answer = await requestPasswordReset(`  ${user.email.toUpperCase()} `, request("/forgot-password"));
    expect(answer.ok).toBe(true);
    await answer.done;

    const mail = await waitForMail(user.email, { subject: /contraseña/i, after: before, timeoutMs: 20_000 });
    expect(mail.subject).toBe("Restablece tu contraseña de Alcance");
    expect(mail.text).toContain("Rosa Restablece");
    const link = linkFrom(mail.text, "/reset-password/");
    const token = decodeURIComponent(new URL(link).pathname.split("/").pop()!);
    expect(await isResetTokenValid(token)).toBe(true);

    const reset = await resetPassword(token, NEW_PASSWORD, { ip: "127.0.0.9" });
    expect(reset).toEqual({ ok: true, userId: user.id, sessionsEnded: 2 });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(row.passwordHash!, NEW_PASSWORD)).toBe(true);
    expect(await verifyPassword(row.passwordHash!, TEST_PASSWORD)).toBe(false);
    expect(await auditCount("password.reset", user.id)).toBe(1);

    // Used: the link does not work a second time.
    expect(await isResetTokenValid(token)).toBe(false);
    expect(await resetPassword(token, "yet-another-long-passphrase")).toEqual({ ok: false, error: "invalidToken" });
    expect(await verifyPassword((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash!, NEW_PASSWORD)).toBe(true);

    // And the new password logs in.
    const result = await login({ email: user.email, password: NEW_PASSWORD }, request("/login"));
    expect(result.ok).toBe(true);
  });

  it("answers an unknown e-mail the same way and sends nothing", async () => {
    const unknown = uniqueEmail("nadie");
    const known = await createUser({ locale: "en" });
    const before = new Date(Date.now() - 1000);

    const a = await requestPasswordReset(unknown, request("/forgot-password"));
    const b = await requestPasswordReset(known.email, request("/forgot-password"));
    await Promise.all([a.done, b.done]);
    const { done: _a, ...answerUnknown } = a;
    const { done: _b, ...answerKnown } = b;
    expect(answerUnknown).toEqual(answerKnown);
    expect(answerUnknown).toEqual({ ok: true });

    // The known account's message (queued after the other request) arrives, in its language...
    const mail = await waitForMail(known.email, { after: before, timeoutMs: 20_000 });
    expect(mail.subject).toBe("Reset your Alcance password");
    // ...and nothing went to the unknown address.
    expect(await mailCount(unknown)).toBe(0);
    const audit = await db.auditLog.findFirst({ where: { action: "password.resetRequested", after: { path: ["email"], equals: unknown } } });
    expect(audit?.entityId).toBeNull();
    expect(audit?.after).toEqual({ email: unknown, sent: false });
  });

  it("does not send to a deactivated account", async () => {
    const user = await createUser({ active: false });
    const answer = await requestPasswordReset(user.email, request("/forgot-password"));
    expect(answer.ok).toBe(true);
    await answer.done;
    expect(await db.oneTimeToken.count({ where: { userId: user.id } })).toBe(0);
  });

  it("refuses an expired link, an invitation link and a made-up one", async () => {
    const user = await createUser();
    const expired = await issueToken(user.id, "PASSWORD_RESET");
    await db.oneTimeToken.updateMany({ where: { userId: user.id, kind: "PASSWORD_RESET" }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await isResetTokenValid(expired)).toBe(false);
    expect(await resetPassword(expired, NEW_PASSWORD)).toEqual({ ok: false, error: "invalidToken" });

    const invite = await issueToken(user.id, "INVITE");
    expect(await resetPassword(invite, NEW_PASSWORD)).toEqual({ ok: false, error: "invalidToken" });
    expect(await resetPassword("made-up-token-made-up-token-made-up", NEW_PASSWORD)).toEqual({ ok: false, error: "invalidToken" });

    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(row.passwordHash!, TEST_PASSWORD)).toBe(true);
  });

  it("limits requests per e-mail from one client address with the same answer, and never holds back the owner elsewhere", async () => {
    const user = await createUser();
    const ip = uniqueIp();
    const from = (address: string) => new Request("http://localhost:3000/forgot-password", { headers: { "x-alcance-client-ip": address, "user-agent": "vitest" } });
    const answers = [];
    for (let i = 0; i < RESET_MAX_PER_EMAIL_IP + 1; i++) {
      const { done, ...answer } = await requestPasswordReset(user.email, from(ip));
      await done;
      answers.push(answer);
    }
    expect(new Set(answers.map((a) => JSON.stringify(a)))).toEqual(new Set([JSON.stringify({ ok: true })]));
    expect(await auditCount("password.resetRequested", user.id)).toBe(RESET_MAX_PER_EMAIL_IP);
    const limited = await db.auditLog.findMany({ where: { action: "password.resetRateLimited", after: { path: ["email"], equals: user.email } } });
    expect(limited.map((e) => e.after)).toEqual([{ email: user.email, limit: "emailAndIp" }]);

    // The owner, from another address, still gets a link.
    const owner = await requestPasswordReset(user.email, from(uniqueIp()));
    await owner.done;
    expect(await auditCount("password.resetRequested", user.id)).toBe(RESET_MAX_PER_EMAIL_IP + 1);
  });

  it("caps the links one address is sent from many client addresses, with the same answer", async () => {
    const user = await createUser();
    const answers = [];
    for (let i = 0; i < RESET_MAX_PER_EMAIL + 1; i++) {
      const { done, ...answer } = await requestPasswordReset(user.email, request("/forgot-password"));
      await done;
      answers.push(JSON.stringify(answer));
    }
    expect(new Set(answers)).toEqual(new Set([JSON.stringify({ ok: true })]));
    expect(await auditCount("password.resetRequested", user.id)).toBe(RESET_MAX_PER_EMAIL);
    const limited = await db.auditLog.findMany({ where: { action: "password.resetRateLimited", after: { path: ["email"], equals: user.email } } });
    expect(limited.map((e) => e.after)).toEqual([{ email: user.email, limit: "email" }]);
    // An unknown address is counted the same way: the answer never depends on the account.
    const unknown = uniqueEmail("nadie");
    for (let i = 0; i < RESET_MAX_PER_EMAIL + 1; i++) {
      const { done, ...answer } = await requestPasswordReset(unknown, request("/forgot-password"));
      await done;
      expect(answer).toEqual({ ok: true });
    }
    expect(await db.auditLog.count({ where: { action: "password.resetRateLimited", after: { path: ["email"], equals: unknown } } })).toBe(1);
  });
});

describe("new password rules", () => {
  it("refuses a short password and a confirmation that does not match", () => {
    const short = newPasswordPairSchema.safeParse({ password: "corta", confirmPassword: "corta" });
    expect(short.success).toBe(false);
    expect(short.error?.issues.map((i) => i.message)).toContain("auth.errors.passwordTooShort");

    const mismatch = newPasswordPairSchema.safeParse({ password: NEW_PASSWORD, confirmPassword: `${NEW_PASSWORD}!` });
    expect(mismatch.success).toBe(false);
    expect(mismatch.error?.issues).toEqual([expect.objectContaining({ path: ["confirmPassword"], message: "auth.errors.passwordMismatch" })]);

    const empty = newPasswordPairSchema.safeParse({ password: "", confirmPassword: "" });
    expect(empty.error?.issues.map((i) => i.message)).toEqual(["auth.errors.newPasswordRequired", "auth.errors.confirmRequired"]);

    expect(newPasswordPairSchema.safeParse({ password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }).success).toBe(true);
  });
});

describe("accepting an invitation", () => {
  it("sets the password, uses the link up and logs the person in with a new session", async () => {
    const user = await createUser({ password: null, name: "Inés Invitada" });
    const token = await issueToken(user.id, "INVITE");
    expect(await findInvitation(token)).toEqual({ name: "Inés Invitada", email: user.email });

    // Somebody else was logged in in this browser: that session is ended (rotation).
    const other = await createUser();
    const otherCookie = cookiePair(await createSession(other.id, request(), { mfaPending: false }));
    const otherSession = await getSession(request("/", otherCookie));
    expect(otherSession).not.toBeNull();

    const result = await acceptInvitation(token, NEW_PASSWORD, request(`/invite/${token}`, otherCookie));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.mfaPending).toBe(false);
    expect(result.cookie).toMatch(/alcance_session=/);

    const session = await getSession(request("/", cookiePair(result.cookie)));
    expect(session?.user.id).toBe(user.id);
    expect(session?.mfaPending).toBe(false);
    expect(await db.session.findUnique({ where: { id: otherSession!.id } })).toBeNull();

    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(row.passwordHash!, NEW_PASSWORD)).toBe(true);
    expect(row.lastLoginAt).not.toBeNull();
    expect(await auditCount("user.inviteAccepted", user.id)).toBe(1);

    // The link works once.
    expect(await findInvitation(token)).toBeNull();
    expect(await acceptInvitation(token, "another-long-passphrase", request())).toEqual({ ok: false, error: "invalidToken" });
    expect(await verifyPassword((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash!, NEW_PASSWORD)).toBe(true);
  });

  it("refuses an expired invitation and a password-reset token", async () => {
    const user = await createUser({ password: null });
    const token = await issueToken(user.id, "INVITE");
    await db.oneTimeToken.updateMany({ where: { userId: user.id, kind: "INVITE" }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect(await findInvitation(token)).toBeNull();
    expect(await acceptInvitation(token, NEW_PASSWORD, request())).toEqual({ ok: false, error: "invalidToken" });
    const reset = await issueToken(user.id, "PASSWORD_RESET");
    expect(await acceptInvitation(reset, NEW_PASSWORD, request())).toEqual({ ok: false, error: "invalidToken" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBeNull();
  });
});

describe("account page", () => {
  it("changes the password with the current one and ends the other sessions only", async () => {
    const user = await createUser();
    const here = await getSession(request("/", cookiePair(await createSession(user.id, request(), { mfaPending: false }))));
    await createSession(user.id, request(), { mfaPending: false });

    const wrong = await changePassword(user.id, here!.id, { currentPassword: "not-my-password", password: NEW_PASSWORD });
    expect(wrong).toEqual({ ok: false, error: "currentInvalid" });

    const ok = await changePassword(user.id, here!.id, { currentPassword: TEST_PASSWORD, password: NEW_PASSWORD });
    expect(ok).toEqual({ ok: true, sessionsEnded: 1 });
    expect(await db.session.findMany({ where: { userId: user.id }, select: { id: true } })).toEqual([{ id: here!.id }]);
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(row.passwordHash!, NEW_PASSWORD)).toBe(true);
    expect(await auditCount("password.change", user.id)).toBe(1);
  });

  it("validates the change-password form", () => {
    const parsed = changePasswordSchema.safeParse({ currentPassword: "", password: NEW_PASSWORD, confirmPassword: "otra" });
    expect(parsed.success).toBe(false);
    const messages = parsed.error?.issues.map((i) => i.message) ?? [];
    expect(messages).toContain("auth.errors.currentPasswordRequired");
  });

  it("saves language and time zone; empty means the organisation's", async () => {
    const user = await createUser();
    const bad = preferencesSchema.safeParse({ locale: "fr", timeZone: "Mars/Olympus" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.message).sort()).toEqual(["auth.account.errors.locale", "common.errors.timeZoneInvalid"]);

    const input = preferencesSchema.parse({ locale: "en", timeZone: "America/Los_Angeles" });
    expect(await updatePreferences(user.id, input)).toEqual({ changed: true });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { locale: true, timeZone: true } })).toEqual({
      locale: "en",
      timeZone: "America/Los_Angeles",
    });
    expect(await auditCount("account.preferences", user.id)).toBe(1);

    await updatePreferences(user.id, preferencesSchema.parse({ locale: "en", timeZone: "  " }));
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).timeZone).toBeNull();
  });

  it("ends the other sessions and keeps this one", async () => {
    const user = await createUser();
    const here = await getSession(request("/", cookiePair(await createSession(user.id, request(), { mfaPending: false }))));
    await createSession(user.id, request(), { mfaPending: false });
    await createSession(user.id, request(), { mfaPending: false });
    expect(await endOtherSessions(user.id, here!.id)).toBe(2);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
  });
});
