import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { verifyPassword } from "~/modules/auth/password.server";
import { uniqueEmail } from "../support/factories";

function cli(args: string[], input?: string) {
  return spawnSync(process.execPath, ["bin/alcance.js", ...args], { input, encoding: "utf8", env: process.env });
}

describe("npx alcance users create", () => {
  it("creates an admin from --password-stdin and prints one JSON line", () => {
    const email = uniqueEmail("cli-admin");
    const result = cli(["users", "create", "--email", email.toUpperCase(), "--role", "ADMIN", "--name", "Admin CLI", "--password-stdin", "--json"], "una-contraseña-larga\n");
    expect(result.status, result.stderr).toBe(0);
    const lines = result.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0]!) as { ok: boolean; email: string; role: string };
    expect(out).toMatchObject({ ok: true, email, role: "ADMIN" });
    return db.user.findUniqueOrThrow({ where: { email } }).then(async (user) => {
      expect(await verifyPassword(user.passwordHash!, "una-contraseña-larga")).toBe(true);
      expect(await db.auditLog.count({ where: { action: "user.create", entityId: user.id } })).toBe(1);
    });
  });

  it("refuses bad arguments with a message per argument and creates nothing", async () => {
    const result = cli(["users", "create", "--email", "not-an-email", "--role", "KING", "--password-stdin"], "x\n");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("--email must be a valid e-mail address");
    expect(result.stderr).toContain("--role must be one of");
    // Other files create users in parallel: look for this one only.
    expect(await db.user.count({ where: { email: { in: ["not-an-email", "not-an-email@"] } } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "user.create", after: { path: ["email"], equals: "not-an-email" } } })).toBe(0);
  });

  it("refuses a short password and a duplicate e-mail", () => {
    const email = uniqueEmail("cli-dup");
    expect(cli(["users", "create", "--email", email, "--role", "JUROR", "--password-stdin"], "short\n").status).toBe(2);
    expect(cli(["users", "create", "--email", email, "--role", "JUROR", "--password-stdin"], "long-enough-password\n").status).toBe(0);
    const dup = cli(["users", "create", "--email", email, "--role", "JUROR", "--password-stdin", "--json"], "long-enough-password\n");
    expect(dup.status).toBe(1);
    expect(JSON.parse(dup.stdout)).toMatchObject({ ok: false, error: "exists" });
  });
});

describe("demo seed", () => {
  it("loads one user per role and changes nothing when run twice", async () => {
    const seed = () =>
      spawnSync(process.execPath, ["--import", "tsx", "prisma/seed.ts"], { encoding: "utf8", env: { ...process.env, NODE_ENV: "development" } });
    const first = seed();
    expect(first.status, first.stderr).toBe(0);
    const snapshot = async () => ({
      users: await db.user.findMany({ where: { email: { endsWith: "@alcance.test", startsWith: "" }, OR: [{ email: { in: ["admin@alcance.test", "coordinacion@alcance.test", "comunicacion@alcance.test", "jurado1@alcance.test", "jurado2@alcance.test", "jurado3@alcance.test"] } }] }, orderBy: { email: "asc" }, select: { id: true, email: true, role: true, passwordHash: true, updatedAt: true } }),
      firstNotice: await db.privacyNotice.findUnique({ where: { version: 1 } }),
    });
    const a = await snapshot();
    expect(a.users.map((u) => u.role).sort()).toEqual(["ADMIN", "COMMUNICATIONS", "COORDINATOR", "JUROR", "JUROR", "JUROR"]);
    const second = seed();
    expect(second.status, second.stderr).toBe(0);
    expect(await snapshot()).toEqual(a);
    // Every area seeds (22,500 contacts, two sent bulletins, the contest…): minutes on a busy 2-core machine.
  }, 240_000);

  it("refuses to run in production", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "prisma/seed.ts"], {
      encoding: "utf8",
      // A configuration production accepts (its newest SESSION_SECRET needs 32+ characters), so the seed's own refusal is what stops it.
      env: { ...process.env, NODE_ENV: "production", SESSION_SECRET: "s".repeat(32) },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("refuses to run");
  });
});
