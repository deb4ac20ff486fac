/**
 * The audit log reads for people (/admin/audit over HTTP, and its CSV): translated actions and
 * entities, the actor's name or a translated label, a link to the record while it exists, and
 * IPv4 addresses written without the "::ffff:" of an IPv6 socket — stored that way from now on and
 * shown that way for rows written before.
 */
import { randomUUID } from "node:crypto";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { exportAuditCsv, searchAudit } from "~/modules/audit/audit-query.server";
import { auditQuerySchema } from "~/modules/audit/schema";
import { createSession } from "~/modules/auth/session.server";
import { createPartner } from "~/modules/partners/partner.server";
import { partnerFormSchema } from "~/modules/partners/schema";
import { createUser, fakeRequest } from "../support/factories";
import { TestClient } from "../support/http";

async function adminClient(name: string) {
  const user = await createUser({ role: "ADMIN", name });
  const admin = await db.user.update({ where: { id: user.id }, data: { totpEnabled: true } });
  const client = new TestClient();
  const cookie = (await createSession(admin.id, fakeRequest(), { mfaPending: false })).split(";")[0]!;
  return { admin, get: (path: string) => client.get(path, { headers: { cookie } }) };
}

/** The rows of the page's table as text, one string per row. */
function rows(html: string): string[] {
  return [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim()).slice(1);
}

describe("the audit log for people", () => {
  it("shows translated actions and entities, the actor's name, a link to the record and the address as people write it", async () => {
    const name = `Beatriz Auditora ${randomUUID().slice(0, 6)}`;
    const { admin, get } = await adminClient(name);
    const partner = await createPartner({ userId: admin.id, ip: "::ffff:10.20.30.40" }, partnerFormSchema.parse({ name: `Casa de la Cultura ${randomUUID().slice(0, 8)}`, kind: "FEDERAL_AGENCY" }));
    // New rows are stored normalised.
    const stored = await db.auditLog.findFirstOrThrow({ where: { action: "partner.create", entityId: partner.id } });
    expect(stored.ip).toBe("10.20.30.40");
    // A row written before the fix, by nobody signed in; and one by the CLI.
    await db.auditLog.create({ data: { action: "partner.activity.create", entity: "partner", entityId: partner.id, ip: "::ffff:127.0.0.1", after: { kind: "OTHER" } } });
    await db.auditLog.create({ data: { action: "partner.update", entity: "partner", entityId: partner.id, ip: "cli" } });

    const res = await get(`/admin/audit?entityId=${partner.id}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const [cli, anonymous, created] = rows(html);
    expect(created).toContain(name);
    expect(created).toContain("Institución creada");
    expect(created).toContain("10.20.30.40");
    expect(anonymous).toContain("Actividad con la institución registrada");
    expect(anonymous).toContain("Visitante sin sesión");
    expect(anonymous).toContain("127.0.0.1");
    expect(cli).toContain("Línea de comandos");
    expect(html).not.toContain("::ffff:");
    // The entity is named in Spanish and links to the institution.
    expect(html).toMatch(new RegExp(`<a[^>]*href="/partners/${partner.id}"[^>]*>Institución</a>`));
  });

  it("says when the record is gone instead of linking to it", async () => {
    const { get } = await adminClient("Carla Auditora");
    const contact = await db.contact.create({ data: { email: `gone-${randomUUID()}@audit.test`, source: "MANUAL" } });
    await db.auditLog.create({ data: { action: "contact.create", entity: "contact", entityId: String(contact.id), ip: "::ffff:192.168.1.9" } });
    await db.contact.delete({ where: { id: contact.id } });
    const html = await (await get(`/admin/audit?entity=contact&entityId=${contact.id}`)).text();
    const [row] = rows(html);
    expect(row).toContain("Contacto creado");
    expect(row).toContain("Contacto");
    expect(row).toContain("ya no existe");
    expect(row).toContain("192.168.1.9");
    expect(html).not.toContain(`href="/contacts/${contact.id}"`);
  });

  it("exports the translated action next to its code, and the normalised address", async () => {
    const { admin } = await adminClient("Dora Auditora");
    const entityId = `audit-csv-${randomUUID().slice(0, 8)}`;
    await db.auditLog.create({ data: { action: "partner.activity.create", entity: "partner", entityId, actorId: admin.id, ip: "::ffff:127.0.0.1" } });
    const { stream } = await exportAuditCsv({ userId: admin.id, ip: null }, auditQuerySchema.parse({ entityId }), { timeZone: "UTC", locale: "en" });
    const [header, row] = Papa.parse<string[]>(await new Response(stream).text(), { skipEmptyLines: true }).data;
    const col = (title: string) => row![header!.indexOf(title)];
    expect(col("Action")).toBe("partner.activity.create");
    expect(col("Action (description)")).toBe("Institution activity recorded");
    expect(col("Entity (description)")).toBe("Institution");
    expect(col("Actor name")).toBe("Dora Auditora");
    expect(col("IP address")).toBe("127.0.0.1");
  });

  it("filters by an action prefix and a month exactly when ids and times disagree, page after page (issue 20)", async () => {
    const prefix = `test.scale${randomUUID().slice(0, 8)}`;
    // Written out of time order: the newest id holds the oldest time. The month is read through
    // the ids' bounds of its rows, which must hold whatever the order.
    for (const [suffix, at] of [
      ["a", "2016-03-10T12:00:00Z"],
      ["b", "2016-03-20T12:00:00Z"],
      ["c", "2016-04-02T12:00:00Z"],
      ["d", "2016-03-01T12:00:00Z"],
    ] as const) {
      await db.auditLog.create({ data: { action: `${prefix}.${suffix}`, at: new Date(at) } });
    }
    // Another code sharing the first letters, and "_" or "%" taken as themselves, not as wildcards.
    await db.auditLog.create({ data: { action: `${prefix}x.e`, at: new Date("2016-03-15T12:00:00Z") } });
    const codes = async (query: Record<string, string>, take = 50) => {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await searchAudit(auditQuerySchema.parse({ ...query, ...(cursor ? { cursor } : {}) }), { timeZone: "UTC" }, take);
        seen.push(...page.entries.map((e) => e.action.slice(prefix.length)));
        cursor = page.nextCursor;
      } while (cursor);
      return seen;
    };
    expect(await codes({ action: `${prefix}.` })).toEqual([".d", ".c", ".b", ".a"]);
    expect(await codes({ action: `${prefix}.`, from: "2016-03-01", to: "2016-03-31" }, 1)).toEqual([".d", ".b", ".a"]);
    expect(await codes({ action: prefix, from: "2016-03-01", to: "2016-03-31" }, 2)).toEqual(["x.e", ".d", ".b", ".a"]);
    expect(await codes({ action: `${prefix}.`, from: "2016-04-01", to: "2016-04-30" })).toEqual([".c"]);
    expect(await codes({ action: `${prefix}.`, from: "2015-01-01", to: "2015-01-31" })).toEqual([]);
    expect(await codes({ action: `${prefix.slice(0, -1)}_.` })).toEqual([]);
    expect(await codes({ action: `${prefix.slice(0, -1)}%` })).toEqual([]);
  });
});
