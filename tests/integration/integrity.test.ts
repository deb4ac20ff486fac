/**
 * The nightly integrity checks against the real database, queue and SMTP sink: a stock level and a
 * contact's consent status are made to disagree with their source by writing SQL directly (as a
 * bug or a hand edit would), the check reports both, mails every active administrator through the
 * queue, shows them on the admin page, and changes nothing. A consistent ledger and consent history
 * are not reported.
 */
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { createSession } from "~/modules/auth/session.server";
import { consentMismatches, runIntegrityChecks, stockMismatches } from "~/modules/integrity/checks.server";
import { createLocation, createMaterial } from "~/modules/materials/catalogue.server";
import { recordMovement, stockAt } from "~/modules/materials/ledger.server";
import { materialFormSchema } from "~/modules/materials/schema";
import { closeQueues } from "../../jobs/queues";
import { createUser, fakeRequest, uniqueEmail } from "../support/factories";
import { TestClient } from "../support/http";
import { waitForMail } from "../support/outbox";

afterAll(async () => {
  await closeQueues();
});

const tag = () => randomUUID().slice(0, 8);

async function stockWithMovements() {
  const user = await createUser({ role: "COORDINATOR" });
  const actor = { userId: user.id, ip: "127.0.0.1" };
  const t = tag();
  const material = await createMaterial(actor, materialFormSchema.parse({ code: `I-${t}`, name: `Cartel ${t}`, kind: "LEAFLET", audience: "USA", language: "es", lowStockThreshold: "0", active: "on" }));
  const warehouse = await createLocation(actor, { name: `Bodega ${t}`, kind: "WAREHOUSE", partnerId: null, country: "MX", state: null, city: null, active: true });
  const post = await createLocation(actor, { name: `Consulado ${t}`, kind: "FOREIGN_SERVICE_POST", partnerId: null, country: "US", state: null, city: null, active: true });
  await recordMovement(actor, { kind: "RECEIPT", materialId: material.id, toLocationId: warehouse.id, quantity: 100, supplier: "Talleres", orderRef: null });
  await recordMovement(actor, { kind: "TRANSFER", materialId: material.id, fromLocationId: warehouse.id, toLocationId: post.id, quantity: 30 });
  return { material, warehouse, post };
}

async function contactWithHistory() {
  const contact = await db.contact.create({ data: { email: uniqueEmail("integridad"), source: "MANUAL", consentStatus: "CONFIRMED" } });
  await db.consentRecord.create({ data: { contactId: contact.id, status: "PENDING", method: "FORM", at: new Date(Date.now() - 60_000) } });
  await db.consentRecord.create({ data: { contactId: contact.id, status: "CONFIRMED", method: "DOUBLE_OPT_IN" } });
  return contact;
}

describe("the nightly integrity checks", () => {
  it("does not report a ledger and a consent history that agree", async () => {
    const { material } = await stockWithMovements();
    const contact = await contactWithHistory();
    const stock = await stockMismatches(db, 100_000);
    expect(stock.rows.filter((r) => r.materialId === material.id)).toEqual([]);
    const consent = await consentMismatches(db, 100_000);
    expect(consent.rows.filter((r) => r.contactId === contact.id)).toEqual([]);
  });

  it("reports a stock level and a consent status written behind the modules' backs, mails the administrators, and fixes nothing", async () => {
    const { material, warehouse, post } = await stockWithMovements();
    const contact = await contactWithHistory();
    const admin = await createUser({ role: "ADMIN", name: `Admin ${tag()}` });
    const inactiveAdmin = await createUser({ role: "ADMIN", active: false });
    const coordinator = await createUser({ role: "COORDINATOR" });
    const sentAfter = new Date(Date.now() - 1000);

    // Around the ledger: the warehouse gains 7 posters no movement explains, and the post's row
    // disappears; the contact is withdrawn without a consent record saying so.
    await db.$executeRaw`UPDATE "StockLevel" SET "quantity" = "quantity" + 7 WHERE "materialId" = ${material.id} AND "locationId" = ${warehouse.id}`;
    await db.$executeRaw`DELETE FROM "StockLevel" WHERE "materialId" = ${material.id} AND "locationId" = ${post.id}`;
    await db.$executeRaw`UPDATE "Contact" SET "consentStatus" = 'WITHDRAWN' WHERE "id" = ${contact.id}`;
    try {
      const run = await runIntegrityChecks();
      const mismatches = run.mismatches as Array<Record<string, unknown>>;
      expect(mismatches).toEqual(
        expect.arrayContaining([
          { kind: "stock", materialId: material.id, locationId: warehouse.id, level: 77, ledger: 70 },
          { kind: "stock", materialId: material.id, locationId: post.id, level: 0, ledger: 30 },
          { kind: "consent", contactId: contact.id, status: "WITHDRAWN", newest: "CONFIRMED" },
        ]),
      );
      expect(run.stockMismatches).toBeGreaterThanOrEqual(2);
      expect(run.consentMismatches).toBeGreaterThanOrEqual(1);
      expect(run.finishedAt).not.toBeNull();
      const activeAdmins = await db.user.count({ where: { role: "ADMIN", active: true } });
      expect(run.notified).toBe(activeAdmins);

      // Nothing was corrected.
      expect(await stockAt(db, material.id, warehouse.id)).toBe(77);
      expect(await db.stockLevel.count({ where: { materialId: material.id, locationId: post.id } })).toBe(0);
      expect((await db.contact.findUniqueOrThrow({ where: { id: contact.id } })).consentStatus).toBe("WITHDRAWN");

      // The mail went through the queue and the worker to the administrator, with counts and the link.
      const mail = await waitForMail(admin.email, { subject: /integridad/i, after: sentAfter });
      expect(mail.text).toContain(`Existencias distintas de la suma de sus movimientos: ${run.stockMismatches}`);
      expect(mail.text).toContain(`/admin/integrity?run=${run.id}`);
      expect(mail.text).not.toContain(contact.email);
      const jobs = await (await import("../../jobs/queues")).getQueue("mail").getJobs(["completed", "waiting", "active", "delayed", "failed"]);
      for (const job of jobs.filter((j) => j.data.template === "integrityReport")) expect(JSON.stringify(job.data)).not.toMatch(/@/);
      expect(await db.outboxMessage.count({ where: { to: { has: inactiveAdmin.email }, subject: { contains: "integridad" } } })).toBe(0);
      expect(await db.outboxMessage.count({ where: { to: { has: coordinator.email }, subject: { contains: "integridad" } } })).toBe(0);

      // The admin page lists the run and its differences; it is for administrators only.
      await db.user.update({ where: { id: admin.id }, data: { totpEnabled: true } });
      const cookie = (await createSession(admin.id, fakeRequest(), { mfaPending: false })).split(";")[0]!;
      const page = await new TestClient().request(`/admin/integrity?run=${run.id}`, { headers: { cookie } });
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain(`data-run="${run.id}"`);
      expect(html).toContain(`Material ${material.code} · ${material.name} en ${warehouse.name}: existencia 77, según movimientos 70`);
      expect(html).toContain(`Contacto ${contact.id}: estado Retirado, registro más reciente Confirmado`);
      const client = new TestClient();
      expect((await client.login(coordinator.email)).status).toBe(302);
      expect((await client.get("/admin/integrity")).status).toBe(403);
    } finally {
      // Put the shared test database back as the modules left it.
      await db.$executeRaw`UPDATE "StockLevel" SET "quantity" = "quantity" - 7 WHERE "materialId" = ${material.id} AND "locationId" = ${warehouse.id}`;
      await db.$executeRaw`INSERT INTO "StockLevel" ("materialId", "locationId", "quantity") VALUES (${material.id}, ${post.id}, 30)`;
      await db.$executeRaw`UPDATE "Contact" SET "consentStatus" = 'CONFIRMED' WHERE "id" = ${contact.id}`;
    }
  });
});
