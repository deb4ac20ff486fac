/**
 * The administration area against the real database, Redis queue and worker: users (invitations,
 * roles, deactivation, sessions, search), the audit log (filters, paging by key, CSV export),
 * settings and the privacy notice. Each test makes data of its own (unique e-mails and action
 * prefixes), since other test files share the database.
 */
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import pg from "pg";
import { afterAll, describe, expect, it, vi } from "vitest";
import { hasKey, LOCALES } from "~/i18n";
import { db } from "~/lib/db.server";
import { fieldErrors } from "~/lib/forms";
import { auditQuerySchema } from "~/modules/audit/schema";
import { audit, AUDIT_PAGE_SIZE } from "~/modules/audit/audit.server";
import { exportAuditCsv, searchAudit, startOfDayIn } from "~/modules/audit/audit-query.server";
import { createSession, getSession } from "~/modules/auth/session.server";
import { findValidToken } from "~/modules/auth/tokens.server";
import { closeQueues } from "../../jobs/queues";
import { privacyNoticeSchema, settingsSchema } from "~/modules/settings/schema";
import { settingsOverview } from "~/modules/settings/settings-admin.server";
import { getSettings, publishPrivacyNotice, updateSettings } from "~/modules/settings/settings.server";
import { inviteUser, resendInvitation } from "~/modules/users/invitations.server";
import { inviteUserSchema, userListQuerySchema } from "~/modules/users/schema";
import {
  changeUserRole,
  endUserSessions,
  getUserDetail,
  listUsers,
  setUserActive,
  UserExistsError,
  UserRuleError,
  USERS_PAGE_SIZE,
} from "~/modules/users/users.server";
import type * as DbServer from "~/lib/db.server";
import type * as UsersServer from "~/modules/users/users.server";
import { createUser, fakeRequest, uniqueEmail } from "../support/factories";
import { mailCount, waitForMail, linkFrom } from "../support/outbox";
import { TEST_ADMIN_URL, TEST_DB_NAME } from "../support/test-env";

afterAll(async () => {
  await closeQueues();
});

async function createAdmin(name = "Ana Administradora") {
  const admin = await createUser({ role: "ADMIN", name });
  // An administrator without two-factor authentication is sent to set it up first.
  return db.user.update({ where: { id: admin.id }, data: { totpEnabled: true } });
}

function actorOf(user: { id: string; name: string }) {
  return { userId: user.id, ip: "127.0.0.1", name: user.name };
}

async function signIn(userId: string): Promise<string> {
  const setCookie = await createSession(userId, fakeRequest(), { mfaPending: false });
  return setCookie.split(";")[0]!;
}

async function expectRule(promise: Promise<unknown>, code: UserRuleError["code"]) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserRuleError);
  expect((error as UserRuleError).code).toBe(code);
}

describe("invitations", () => {
  it("creates a user without a password and a token, audits it, and the invitation mail arrives", async () => {
    const admin = await createAdmin("Ana Invitadora");
    const email = uniqueEmail("invitada");
    const input = inviteUserSchema.parse({ name: "  Julia Jurado  ", email: email.toUpperCase(), role: "JUROR", locale: "es" });
    const sentAfter = new Date(Date.now() - 1000);

    const { user, mailQueued } = await inviteUser(actorOf(admin), input);

    expect(mailQueued).toBe(true);
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored).toMatchObject({ email, name: "Julia Jurado", role: "JUROR", locale: "es", active: true, passwordHash: null });
    const tokens = await db.oneTimeToken.findMany({ where: { userId: user.id } });
    expect(tokens).toHaveLength(1);
    expect(tokens[0]).toMatchObject({ kind: "INVITE", usedAt: null });
    expect(tokens[0]!.expiresAt.getTime() - Date.now()).toBeGreaterThan(71 * 3_600_000);

    const entry = await db.auditLog.findFirst({ where: { action: "user.invite", entityId: user.id } });
    expect(entry?.actorId).toBe(admin.id);
    expect(entry?.after).toMatchObject({ email, role: "JUROR" });

    const mail = await waitForMail(email, { subject: /invitaron/i, after: sentAfter, timeoutMs: 20_000 });
    expect(mail.text).toContain("Ana Invitadora");
    expect(mail.text).toContain("Jurado"); // roles.JUROR in Spanish
    const link = linkFrom(mail.text, "/invite/");
    const token = decodeURIComponent(link.split("/invite/")[1]!);
    const valid = await findValidToken(token, "INVITE");
    expect(valid?.userId).toBe(user.id);

    const detail = await getUserDetail(user.id);
    expect(detail).toMatchObject({ invited: true, activeSessions: 0, totpEnabled: false });
    expect(detail?.invitation?.usedAt).toBeNull();
  });

  it("refuses an e-mail that already exists, whatever its case, and creates nothing", async () => {
    const admin = await createAdmin();
    const existing = await createUser({ role: "COORDINATOR" });
    const attempt = inviteUser(actorOf(admin), { name: "Otra Persona", email: existing.email.toUpperCase(), role: "JUROR", locale: "es" });
    await expect(attempt).rejects.toBeInstanceOf(UserExistsError);
    // Other files create users in parallel: look at this address only.
    expect(await db.user.count({ where: { email: { equals: existing.email, mode: "insensitive" } } })).toBe(1);
    expect(await db.oneTimeToken.count({ where: { userId: existing.id } })).toBe(0);

    // Two invitations of the same new address at once: exactly one account.
    const email = uniqueEmail("doble");
    const results = await Promise.allSettled([
      inviteUser(actorOf(admin), { name: "Doble Uno", email, role: "JUROR", locale: "es" }),
      inviteUser(actorOf(admin), { name: "Doble Dos", email, role: "JUROR", locale: "es" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(rejected?.reason).toBeInstanceOf(UserExistsError);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("resends an invitation with a new link in the invitee's language, and the old link stops working", async () => {
    const admin = await createAdmin("Alex Admin");
    const email = uniqueEmail("guest");
    const { user } = await inviteUser(actorOf(admin), { name: "Grace Guest", email, role: "COORDINATOR", locale: "en" });
    const first = await waitForMail(email, { subject: /invited/i, timeoutMs: 20_000 });
    const firstToken = linkFrom(first.text, "/invite/").split("/invite/")[1]!;

    const resent = await resendInvitation(actorOf(admin), user.id);
    expect(resent.mailQueued).toBe(true);
    const deadline = Date.now() + 20_000;
    while ((await mailCount(email)) < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 150));
    expect(await mailCount(email)).toBe(2);
    const second = await waitForMail(email, { subject: /invited/i });
    expect(second.text).toContain("Outreach coordinator"); // roles.COORDINATOR in English
    const secondToken = linkFrom(second.text, "/invite/").split("/invite/")[1]!;
    expect(secondToken).not.toBe(firstToken);
    expect(await findValidToken(firstToken, "INVITE")).toBeNull();
    expect((await findValidToken(secondToken, "INVITE"))?.userId).toBe(user.id);
    expect(await db.auditLog.count({ where: { action: "user.invite.resend", entityId: user.id } })).toBe(1);

    // Someone who already has a password has nothing to accept.
    const member = await createUser();
    await expectRule(resendInvitation(actorOf(admin), member.id), "alreadyAccepted");
  });

  it("validates the invitation form with messages that exist in both languages", () => {
    const bad = inviteUserSchema.safeParse({ name: "J", email: "no-es-correo", role: "KING", locale: "fr" });
    expect(bad.success).toBe(false);
    const errors = fieldErrors(bad.error!);
    expect(errors).toEqual({
      name: "admin.users.errors.name",
      email: "admin.users.errors.emailInvalid",
      role: "admin.users.errors.role",
      locale: "admin.users.errors.locale",
    });
    for (const locale of LOCALES) for (const key of Object.values(errors)) expect(hasKey(locale, key)).toBe(true);
  });
});

describe("roles and deactivation", () => {
  it("changes a role and audits the value before and after", async () => {
    const admin = await createAdmin();
    const user = await createUser({ role: "COORDINATOR" });
    expect(await changeUserRole(actorOf(admin), user.id, "COMMUNICATIONS")).toEqual({ changed: true });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe("COMMUNICATIONS");
    const entries = await db.auditLog.findMany({ where: { action: "user.role", entityId: user.id } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorId: admin.id, ip: "127.0.0.1", before: { role: "COORDINATOR" }, after: { role: "COMMUNICATIONS" } });

    // The same role again changes nothing and writes nothing.
    expect(await changeUserRole(actorOf(admin), user.id, "COMMUNICATIONS")).toEqual({ changed: false });
    expect(await db.auditLog.count({ where: { action: "user.role", entityId: user.id } })).toBe(1);
  });

  it("does not let an administrator demote or deactivate themself", async () => {
    const admin = await createAdmin();
    await createAdmin(); // another administrator exists, so only the self rule applies
    await expectRule(changeUserRole(actorOf(admin), admin.id, "COORDINATOR"), "selfDemote");
    await expectRule(setUserActive(actorOf(admin), admin.id, false), "selfDeactivate");
    const after = await db.user.findUniqueOrThrow({ where: { id: admin.id } });
    expect(after).toMatchObject({ role: "ADMIN", active: true });
    await expectRule(changeUserRole(actorOf(admin), "no-such-user", "JUROR"), "notFound");
  });

  it("deactivation ends every session; reactivation restores access; both are audited", async () => {
    const admin = await createAdmin();
    const user = await createUser({ role: "COMMUNICATIONS" });
    const cookie = await signIn(user.id);
    await signIn(user.id);
    const request = () => new Request("http://localhost:3000/", { headers: { cookie } });
    expect((await getSession(request()))?.user.id).toBe(user.id);
    expect((await getUserDetail(user.id))?.activeSessions).toBe(2);

    expect(await setUserActive(actorOf(admin), user.id, false)).toEqual({ changed: true, sessionsEnded: 2 });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await getSession(request())).toBeNull();
    const deactivated = await db.auditLog.findFirst({ where: { action: "user.deactivate", entityId: user.id } });
    expect(deactivated).toMatchObject({ actorId: admin.id, before: { active: true }, after: { active: false, sessionsEnded: 2 } });

    expect(await setUserActive(actorOf(admin), user.id, true)).toEqual({ changed: true, sessionsEnded: 0 });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).active).toBe(true);
    const reactivated = await db.auditLog.findFirst({ where: { action: "user.reactivate", entityId: user.id } });
    expect(reactivated).toMatchObject({ before: { active: false }, after: { active: true } });
  });

  it("ends all sessions on demand and audits how many", async () => {
    const admin = await createAdmin();
    const user = await createUser();
    await signIn(user.id);
    await signIn(user.id);
    await signIn(user.id);
    expect(await endUserSessions(actorOf(admin), user.id)).toBe(3);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).active).toBe(true);
    const entry = await db.auditLog.findFirst({ where: { action: "user.sessions.end", entityId: user.id } });
    expect(entry).toMatchObject({ actorId: admin.id, after: { sessionsEnded: 3 } });
  });
});

/**
 * "The last active administrator" depends on every administrator in the database, and other test
 * files create administrators in parallel. These tests run on a database of their own: the
 * migrations applied to an empty database, and the modules loaded afresh against it.
 */
describe("the last administrator", () => {
  type UsersModule = typeof UsersServer;
  type DbModule = typeof DbServer;

  async function adminQuery(sql: string) {
    const client = new pg.Client({ connectionString: TEST_ADMIN_URL });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }

  async function withOwnDatabase(fn: (users: UsersModule, own: DbModule["db"]) => Promise<void>) {
    const name = `${TEST_DB_NAME}_admins_${randomUUID().slice(0, 8)}`;
    const url = new URL(TEST_ADMIN_URL);
    url.pathname = `/${name}`;
    await adminQuery(`CREATE DATABASE "${name}"`);
    const globals = globalThis as { __alcanceDb?: unknown };
    const sharedClient = globals.__alcanceDb;
    const sharedUrl = process.env.DATABASE_URL;
    let own: DbModule["db"] | undefined;
    try {
      const migrations = path.resolve("prisma/migrations");
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      try {
        for (const dir of readdirSync(migrations, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
          await client.query(readFileSync(path.join(migrations, dir, "migration.sql"), "utf8"));
        }
      } finally {
        await client.end();
      }
      vi.resetModules();
      delete globals.__alcanceDb;
      process.env.DATABASE_URL = url.toString();
      const dbModule = (await import("~/lib/db.server")) as DbModule;
      const users = (await import("~/modules/users/users.server")) as UsersModule;
      own = dbModule.db;
      await own.user.count(); // connects with the URL set above
      await fn(users, own);
    } finally {
      await own?.$disconnect();
      globals.__alcanceDb = sharedClient;
      process.env.DATABASE_URL = sharedUrl;
      vi.resetModules();
      await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  }

  async function makeAdmin(own: DbModule["db"], label: string, opts: { password?: boolean } = {}) {
    return own.user.create({
      data: { email: uniqueEmail(label), name: label, role: "ADMIN", passwordHash: opts.password === false ? null : "$argon2id$test", totpEnabled: true },
    });
  }

  it("cannot demote or deactivate the last active administrator", async () => {
    await withOwnDatabase(async (users, own) => {
      const system = { userId: null };
      const only = await makeAdmin(own, "unica");
      // An invitation not yet accepted does not count as a working administrator.
      await makeAdmin(own, "pendiente", { password: false });
      const refusedRole = await users.changeUserRole(system, only.id, "COORDINATOR").catch((e: unknown) => e);
      expect(refusedRole).toBeInstanceOf(users.UserRuleError);
      expect((refusedRole as UserRuleError).code).toBe("lastAdmin");
      const refusedActive = await users.setUserActive(system, only.id, false).catch((e: unknown) => e);
      expect((refusedActive as UserRuleError).code).toBe("lastAdmin");
      expect(await own.user.findUniqueOrThrow({ where: { id: only.id } })).toMatchObject({ role: "ADMIN", active: true });
      expect(await own.auditLog.count()).toBe(0);

      // With a second working administrator, the first may step down.
      await makeAdmin(own, "segunda");
      expect(await users.changeUserRole(system, only.id, "COORDINATOR")).toEqual({ changed: true });
    });
  });

  it("two administrators demoting each other at the same moment leave one administrator", async () => {
    await withOwnDatabase(async (users, own) => {
      const a = await makeAdmin(own, "admin-a");
      const b = await makeAdmin(own, "admin-b");
      const results = await Promise.allSettled([
        users.changeUserRole({ userId: a.id }, b.id, "JUROR"),
        users.changeUserRole({ userId: b.id }, a.id, "JUROR"),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const rejected = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
      expect((rejected?.reason as UserRuleError).code).toBe("lastAdmin");
      expect(await own.user.count({ where: { role: "ADMIN", active: true } })).toBe(1);
    });
  });
});

describe("user list", () => {
  it("finds “García” with “garcia”, by e-mail too, and treats LIKE wildcards as text", async () => {
    const token = randomUUID().slice(0, 8);
    const garcia = await createUser({ name: `José García Núñez ${token}` });
    await createUser({ name: `Josefina Garza ${token}` });

    for (const q of [`garcia nunez ${token}`, `GARCÍA NÚÑEZ ${token}`, `José Garcia`, "garcia"]) {
      const { users } = await listUsers(userListQuerySchema.parse({ q }));
      expect(users.map((u) => u.id), q).toContain(garcia.id);
    }
    const exact = await listUsers({ q: `garcia nunez ${token}` });
    expect(exact.total).toBe(1);
    expect(exact.users[0]).toMatchObject({ id: garcia.id, email: garcia.email, invited: false, active: true });

    const byEmail = await listUsers({ q: garcia.email.slice(0, 14).toUpperCase() });
    expect(byEmail.users.map((u) => u.id)).toContain(garcia.id);

    expect((await listUsers({ q: `${token}%` })).total).toBe(0);
    expect((await listUsers({ q: `_osé García Núñez ${token}` })).total).toBe(0);
  });

  it("filters by role and status and pages by key, 50 a page, with an exact total", async () => {
    const token = randomUUID().slice(0, 8);
    const createdAt = new Date();
    // All with the same creation time: the id must break the tie so no row repeats or goes missing.
    await db.user.createMany({
      data: Array.from({ length: USERS_PAGE_SIZE + 5 }, (_, i) => ({
        email: uniqueEmail(`pagina${i}`),
        name: `Página ${token} ${i}`,
        role: i % 5 === 0 ? ("JUROR" as const) : ("COMMUNICATIONS" as const),
        passwordHash: i % 11 === 0 ? null : "$argon2id$test",
        active: i % 7 !== 0,
        createdAt,
      })),
    });
    const first = await listUsers({ q: token });
    expect(first.total).toBe(USERS_PAGE_SIZE + 5);
    expect(first.users).toHaveLength(USERS_PAGE_SIZE);
    expect(first.nextCursor).toBeDefined();
    const second = await listUsers({ q: token, cursor: first.nextCursor });
    expect(second.total).toBe(USERS_PAGE_SIZE + 5);
    expect(second.users).toHaveLength(5);
    expect(second.nextCursor).toBeUndefined();
    const ids = [...first.users, ...second.users].map((u) => u.id);
    expect(new Set(ids).size).toBe(USERS_PAGE_SIZE + 5);
    expect(ids).toEqual([...ids].sort().reverse()); // same createdAt: id descending

    const jurors = await listUsers({ q: token, role: "JUROR" });
    expect(jurors.total).toBe(11);
    expect(jurors.users.every((u) => u.role === "JUROR")).toBe(true);
    const inactive = await listUsers({ q: token, status: "inactive" });
    expect(inactive.total).toBe(8);
    expect(inactive.users.every((u) => !u.active)).toBe(true);
    const invited = await listUsers({ q: token, status: "invited" });
    // No password (i = 0, 11, 22, 33, 44) and still active (i = 0 is not): 4.
    expect(invited.total).toBe(4);
    expect(invited.users.every((u) => u.invited && u.active)).toBe(true);

    // A mistyped filter in the URL is dropped, not an error.
    expect(userListQuerySchema.parse({ role: "KING", status: "x", q: " " })).toEqual({ role: undefined, status: undefined, q: "", cursor: undefined });
    expect((await listUsers({ q: token, cursor: "not-a-cursor" })).users).toHaveLength(USERS_PAGE_SIZE);
  });
});

describe("audit log", () => {
  it("pages by key without duplicates or gaps, even while new entries arrive", async () => {
    const prefix = `test.paging.${randomUUID().slice(0, 8)}.`;
    const total = AUDIT_PAGE_SIZE * 2 + 17;
    await db.auditLog.createMany({ data: Array.from({ length: total }, (_, i) => ({ action: `${prefix}${i}`, entity: "test" })) });
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await searchAudit(auditQuerySchema.parse({ action: prefix, cursor }), { timeZone: "UTC" });
      pages++;
      seen.push(...page.entries.map((e) => e.action));
      expect(page.entries.length).toBeLessThanOrEqual(AUDIT_PAGE_SIZE);
      const ids = page.entries.map((e) => BigInt(e.id));
      for (let i = 1; i < ids.length; i++) expect(ids[i]! < ids[i - 1]!).toBe(true);
      // Newer entries written between pages must not shift what the next page shows.
      if (pages === 1) await audit({ userId: null }, { action: `${prefix}late` });
      cursor = page.nextCursor;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(seen).toEqual(Array.from({ length: total }, (_, i) => `${prefix}${total - 1 - i}`));
  });

  it("filters by actor e-mail, entity and a date range read in the viewer's time zone", async () => {
    const actor = await createUser({ role: "ADMIN" });
    const entityId = randomUUID();
    const prefix = `test.range.${randomUUID().slice(0, 8)}`;
    await db.auditLog.createMany({
      data: [
        // 18 Nov 23:30 in Mexico City (UTC−6)
        { action: `${prefix}.a`, actorId: actor.id, entity: "thing", entityId, at: new Date("2017-11-19T05:30:00Z") },
        // 19 Nov 00:30 in Mexico City
        { action: `${prefix}.b`, actorId: actor.id, entity: "thing", entityId, at: new Date("2017-11-19T06:30:00Z") },
        // 19 Nov 23:59 in Mexico City
        { action: `${prefix}.c`, actorId: null, entity: "thing", entityId, at: new Date("2017-11-20T05:59:00Z") },
        // 20 Nov 00:00 in Mexico City
        { action: `${prefix}.d`, actorId: actor.id, entity: "other", entityId, at: new Date("2017-11-20T06:00:00Z") },
      ],
    });
    const actions = async (query: Record<string, string>, timeZone: string) =>
      (await searchAudit(auditQuerySchema.parse({ action: prefix, ...query }), { timeZone })).entries.map((e) => e.action.slice(-1));

    expect(await actions({ from: "2017-11-19", to: "2017-11-19" }, "America/Mexico_City")).toEqual(["c", "b"]);
    expect(await actions({ from: "2017-11-19", to: "2017-11-19" }, "UTC")).toEqual(["b", "a"]);
    expect(await actions({ actor: actor.email.toUpperCase() }, "UTC")).toEqual(["d", "b", "a"]);
    expect(await actions({ actor: "nadie@alcance.test" }, "UTC")).toEqual([]);
    expect(await actions({ entity: "thing", entityId }, "UTC")).toEqual(["c", "b", "a"]);
    // A mistyped date is ignored rather than refused.
    expect(await actions({ from: "2017-02-30" }, "UTC")).toHaveLength(4);

    const page = await searchAudit(auditQuerySchema.parse({ action: `${prefix}.b` }), { timeZone: "UTC" });
    expect(page.entries[0]?.actor).toMatchObject({ id: actor.id, email: actor.email });
    expect(startOfDayIn("2017-11-19", "America/Mexico_City").toISOString()).toBe("2017-11-19T06:00:00.000Z");
    // Daylight saving time began in Mexico City at 02:00 on 2 April 2017: UTC−6 before, UTC−5 after.
    expect(startOfDayIn("2017-04-02", "America/Mexico_City").toISOString()).toBe("2017-04-02T06:00:00.000Z");
    expect(startOfDayIn("2017-04-03", "America/Mexico_City").toISOString()).toBe("2017-04-03T05:00:00.000Z");
  });

  it("shows denied requests: a non-administrator posting to the settings is refused and logged", async () => {
    const { action } = await import("~/routes/admin.settings");
    const coordinator = await createUser({ role: "COORDINATOR" });
    const cookie = await signIn(coordinator.id);
    const request = new Request("http://localhost:3000/admin/settings", {
      method: "POST",
      headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "settings", institutionName: "Hackeo" }),
    });
    const thrown = await action({ request, params: {}, context: {} }).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(403);
    const page = await searchAudit(auditQuerySchema.parse({ action: "permission.denied", actor: coordinator.email }), { timeZone: "UTC" });
    expect(page.entries).toHaveLength(1);
    expect(page.entries[0]).toMatchObject({ entity: "route", entityId: "/admin/settings", after: { method: "POST", permission: ["manage:settings"] } });
  });

  it("exports the filtered log as CSV, page after page, with formulas neutralised, and audits the export", async () => {
    const admin = await createAdmin();
    const prefix = `test.csv.${randomUUID().slice(0, 8)}`;
    const count = 1234; // more than one export page
    await db.auditLog.createMany({
      data: Array.from({ length: count }, (_, i) => ({ action: `${prefix}.${i}`, actorId: admin.id, entity: "test", after: { n: i } })),
    });
    await audit({ userId: admin.id }, { action: `${prefix}.formula`, entity: "test", entityId: "=HYPERLINK(\"x\")", after: { name: "Núñez, \"Pepe\"" } });

    const { stream, fileName } = await exportAuditCsv({ userId: admin.id, ip: "127.0.0.1" }, auditQuerySchema.parse({ action: prefix }), {
      timeZone: "America/Mexico_City",
      locale: "es",
    });
    expect(fileName).toMatch(/^alcance-audit-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    // The byte-order mark lets spreadsheet programs read the accents as UTF-8.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: false }).decode(bytes);
    const rows = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual([
      "ID",
      "Fecha y hora (UTC)",
      "Fecha y hora (America/Mexico_City)",
      "Correo de quien actuó",
      "Nombre de quien actuó",
      "Acción",
      "Acción (descripción)",
      "Entidad",
      "Entidad (descripción)",
      "ID de la entidad",
      "Dirección IP",
      "Antes",
      "Después",
    ]);
    expect(rows).toHaveLength(count + 2);
    const formula = rows[1]!;
    expect(formula[5]).toBe(`${prefix}.formula`);
    expect(formula[9]).toBe("'=HYPERLINK(\"x\")");
    expect(JSON.parse(formula[12]!)).toEqual({ name: "Núñez, \"Pepe\"" });
    expect(formula[3]).toBe(admin.email);
    const ids = rows.slice(1).map((r) => r[0]);
    expect(new Set(ids).size).toBe(count + 1);
    expect(rows.at(-1)![5]).toBe(`${prefix}.0`);

    const exported = await db.auditLog.findFirst({ where: { action: "audit.export", actorId: admin.id }, orderBy: { id: "desc" } });
    expect(exported?.after).toMatchObject({ filters: { action: prefix }, timeZone: "America/Mexico_City" });
  });
});

describe("settings and privacy notice", () => {
  const goodSettings = {
    institutionName: "Instituto Nacional Electoral",
    postalAddress: "Viaducto Tlalpan 100, Arenal Tepepan, 14610 Ciudad de México",
    bulkSenderName: "Voto desde el Extranjero",
    bulkSenderEmail: "boletin@alcance.test",
    transactionalSenderName: "Alcance",
    transactionalSenderEmail: "no-responder@alcance.test",
    replyTo: "",
    sendRatePerSecond: "40",
    timeZone: "America/Tijuana",
  };

  it("saves valid settings and audits only what changed", async () => {
    const admin = await createAdmin();
    const original = await getSettings();
    try {
      const parsed = settingsSchema.parse(goodSettings);
      await updateSettings({ userId: admin.id }, parsed);
      const saved = await getSettings();
      expect(saved).toMatchObject({ timeZone: "America/Tijuana", sendRatePerSecond: 40, replyTo: null });
      await updateSettings({ userId: admin.id }, { ...parsed, sendRatePerSecond: 41 });
      const entry = await db.auditLog.findFirst({ where: { action: "settings.update", actorId: admin.id }, orderBy: { id: "desc" } });
      expect(entry).toMatchObject({ before: { sendRatePerSecond: 40 }, after: { sendRatePerSecond: 41 } });
    } finally {
      // Other test files read the organisation's settings (its time zone): leave them as found.
      // Not the complaint rate: another file lowers it for a moment, and rewriting it would race.
      await updateSettings({ userId: admin.id }, { ...original, complaintPauseRate: undefined, replyTo: original.replyTo ?? undefined });
    }
  });

  it("rejects a bad time zone and a bad e-mail, keeps what was typed, and changes nothing", async () => {
    const { action } = await import("~/routes/admin.settings");
    const admin = await createAdmin();
    const before = await getSettings();
    const typed = { ...goodSettings, institutionName: "Otro nombre", bulkSenderEmail: "boletin-sin-arroba", timeZone: "Mars/Olympus_Mons" };

    const direct = settingsSchema.safeParse(typed);
    expect(direct.success).toBe(false);
    expect(fieldErrors(direct.error!)).toEqual({ bulkSenderEmail: "common.errors.emailInvalid", timeZone: "common.errors.timeZoneInvalid" });

    const request = new Request("http://localhost:3000/admin/settings", {
      method: "POST",
      headers: { cookie: await signIn(admin.id), "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "settings", ...typed }),
    });
    // handleIntents' answer (decision 027): { intent, result } with Conform's errors and the typed values.
    const result = (await action({ request, params: {}, context: {} })) as unknown as {
      data: { intent: string; result: { error?: Record<string, string[]>; initialValue?: Record<string, unknown> } };
      init: ResponseInit | null;
    };
    expect(result.init?.status).toBe(400);
    expect(result.data.intent).toBe("settings");
    expect(result.data.result.error).toEqual({ bulkSenderEmail: ["common.errors.emailInvalid"], timeZone: ["common.errors.timeZoneInvalid"] });
    expect(result.data.result.initialValue).toMatchObject({ institutionName: "Otro nombre", bulkSenderEmail: "boletin-sin-arroba", timeZone: "Mars/Olympus_Mons" });

    // Only this form's fields: other files change other settings (the kiosk mail cap) meanwhile.
    const formFields = (s: Awaited<ReturnType<typeof getSettings>>) => Object.fromEntries(Object.keys(goodSettings).map((k) => [k, s[k as keyof typeof s]]));
    expect(formFields(await getSettings())).toEqual(formFields(before));
    expect(await db.auditLog.count({ where: { action: "settings.update", actorId: admin.id } })).toBe(0);

    const others = settingsSchema.safeParse({ ...goodSettings, institutionName: "X", postalAddress: "corta", bulkSenderName: "", sendRatePerSecond: "0", replyTo: "no" });
    const errors = fieldErrors(others.error!);
    expect(errors).toEqual({
      institutionName: "admin.settings.errors.institutionName",
      postalAddress: "admin.settings.errors.postalAddress",
      bulkSenderName: "admin.settings.errors.senderName",
      replyTo: "common.errors.emailInvalid",
      sendRatePerSecond: "admin.settings.errors.sendRate",
    });
    for (const locale of LOCALES) for (const key of Object.values(errors)) expect(hasKey(locale, key), `${locale} ${key}`).toBe(true);
  });

  it("publishes privacy notice versions that only go up and never change the earlier text", async () => {
    const admin = await createAdmin();
    const textA = `Aviso A ${randomUUID()} — tus datos se usan solo para informarte sobre el voto desde el extranjero.`;
    const textB = `Aviso B ${randomUUID()} — puedes ejercer tus derechos ARCO y darte de baja cuando quieras.`;
    const a = await publishPrivacyNotice({ userId: admin.id }, privacyNoticeSchema.parse({ text: textA }).text);
    const b = await publishPrivacyNotice({ userId: admin.id }, textB);
    expect(b.version).toBeGreaterThan(a.version);

    const overview = await settingsOverview();
    expect(overview.current.es?.version).toBeGreaterThanOrEqual(b.version);
    const all = [overview.current.es!, ...overview.earlier.filter((n) => n.language === "es")];
    expect(all.map((n) => n.version)).toEqual([...all.map((n) => n.version)].sort((x, y) => y - x));
    expect(all.find((n) => n.version === a.version)).toMatchObject({ text: textA, publisher: { id: admin.id } });
    expect(all.find((n) => n.version === b.version)?.text).toBe(textB);
    expect(await db.auditLog.count({ where: { action: "privacyNotice.publish", actorId: admin.id } })).toBe(2);

    const tooShort = privacyNoticeSchema.safeParse({ text: "Muy corto." });
    expect(fieldErrors(tooShort.error!)).toEqual({ text: "admin.settings.errors.privacyNotice" });
  });
});

describe("translations", () => {
  it("has every admin key in both languages", async () => {
    const es = (await import("~/i18n/es/admin.json")).default as Record<string, string>;
    const en = (await import("~/i18n/en/admin.json")).default as Record<string, string>;
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    for (const [key, value] of Object.entries(es)) {
      expect(key.startsWith("admin."), key).toBe(true);
      expect(value.trim(), key).not.toBe("");
    }
    const codes: UserRuleError["code"][] = ["notFound", "selfDemote", "selfDeactivate", "lastAdmin", "alreadyAccepted", "inactive"];
    for (const code of codes) for (const locale of LOCALES) expect(hasKey(locale, new UserRuleError(code).messageKey)).toBe(true);
  });
});
