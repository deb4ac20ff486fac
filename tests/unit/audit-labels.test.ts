/**
 * Every audit action the source can write has words in Spanish and English (so a new one cannot
 * reach the log untranslated), every entity it names too, and addresses and actors read as people
 * write them.
 */
import { describe, expect, it } from "vitest";
import { hasKey, LOCALES } from "~/i18n";
import { actionKey, actorView, entityKey, normaliseIp } from "~/modules/audit/labels";
import { scanAuditActions } from "../support/audit-actions";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

describe("audit action codes", () => {
  const scan = scanAuditActions();

  it("finds every action the source writes (a new way of naming one must be taught to the scan)", () => {
    expect(scan.unknown).toEqual([]);
    // The scan reads what the issue named; a scan that finds nothing would pass everything.
    for (const code of ["partner.activity.create", "logout", "contacts.bulk.delete", "twoFactor.disableRateLimited", "password.change", "bulletin.pause"]) expect(scan.codes).toContain(code);
  });

  it("translates every action code found in the source, in Spanish and English", () => {
    const missing = LOCALES.flatMap((locale) => [...scan.codes].filter((code) => !hasKey(locale, actionKey(code))).map((code) => `${locale}: ${code}`));
    expect(missing).toEqual([]);
  });

  it("translates every entity the source names", () => {
    const entities = new Set<string>();
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const file = path.join(dir, name);
        if (file.startsWith(path.join("app", "generated"))) return [];
        return statSync(file).isDirectory() ? walk(file) : /\.tsx?$/.test(name) ? [file] : [];
      });
    for (const file of ["app", "jobs", "cli"].flatMap(walk)) for (const m of readFileSync(file, "utf8").matchAll(/\bentity: "([A-Za-z]+)"/g)) entities.add(m[1]!);
    expect(entities.size).toBeGreaterThan(20);
    const missing = LOCALES.flatMap((locale) => [...entities].filter((e) => !hasKey(locale, entityKey(e))).map((e) => `${locale}: ${e}`));
    expect(missing).toEqual([]);
  });
});

describe("addresses and actors", () => {
  it("writes an IPv4 address seen through an IPv6 socket the usual way, and leaves others alone", () => {
    expect(normaliseIp("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normaliseIp("::FFFF:10.0.0.7")).toBe("10.0.0.7");
    expect(normaliseIp("2001:db8::1")).toBe("2001:db8::1");
    expect(normaliseIp("::1")).toBe("::1");
    expect(normaliseIp("cli")).toBe("cli");
    expect(normaliseIp(null)).toBeNull();
  });

  it("names the actor: a user, a process, a visitor, or the system", () => {
    expect(actorView({ actorId: "u1", ip: "::ffff:10.1.1.1" }, { name: "Ana", email: "ana@x.test" })).toEqual({ kind: "user", name: "Ana", email: "ana@x.test", ip: "10.1.1.1" });
    expect(actorView({ actorId: "u1", ip: null }, null)).toEqual({ kind: "label", key: "admin.audit.actor.deletedUser", ip: null });
    expect(actorView({ actorId: null, ip: "cli" }, null)).toEqual({ kind: "label", key: "admin.audit.actor.cli", ip: null });
    expect(actorView({ actorId: null, ip: "::ffff:127.0.0.1" }, null)).toEqual({ kind: "label", key: "admin.audit.actor.anonymous", ip: "127.0.0.1" });
    expect(actorView({ actorId: null, ip: null }, null)).toEqual({ kind: "label", key: "admin.audit.system", ip: null });
  });
});
