/** Erasing a contact removes its address from bulletin deliveries and bounce reports. */
import { describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { eraseContact, REDACTED } from "~/modules/contacts/arco.server";
import { listContactDeliveries } from "~/modules/bulletins/bulletins.server";
import { audience } from "../support/bulletins";

describe("erasure and bulletins", () => {
  it("keeps the delivery rows (for the figures) without the person's address", async () => {
    const a = await audience(2);
    const [gone, kept] = a.contacts;
    const bulletin = await db.bulletin.create({ data: { name: "Boletín noviembre", subject: "Hola", bodyMarkdown: "x", fromName: "n", fromEmail: "boletin@alcance.test", status: "SENT" } });
    await db.bulletinDelivery.createMany({
      data: [
        { bulletinId: bulletin.id, contactId: gone!.id, email: gone!.email, status: "FAILED", lastError: `550 5.1.1 <${gone!.email.toUpperCase()}>: User unknown` },
        { bulletinId: bulletin.id, contactId: kept!.id, email: kept!.email, status: "SENT" },
      ],
    });
    await db.bounceReport.create({ data: { kind: "HARD", contactId: gone!.id, bulletinId: bulletin.id, recipient: gone!.email, diagnostic: `smtp; 550 <${gone!.email}> unknown` } });
    expect((await listContactDeliveries(gone!.id)).rows).toMatchObject([{ bulletinId: bulletin.id, bulletinName: "Boletín noviembre", status: "FAILED" }]);

    await eraseContact({ userId: null, ip: "test" }, gone!.id);

    const rows = await db.bulletinDelivery.findMany({ where: { bulletinId: bulletin.id }, orderBy: { id: "asc" } });
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ contactId: null, email: REDACTED, status: "FAILED" });
    expect(rows[0]!.lastError).toBe(`550 5.1.1 <${REDACTED}>: User unknown`);
    expect(rows[1]).toMatchObject({ contactId: kept!.id, email: kept!.email });
    const report = await db.bounceReport.findFirstOrThrow({ where: { bulletinId: bulletin.id } });
    expect(report.recipient).toBeNull();
    expect(report.diagnostic).toBe(`smtp; 550 <${REDACTED}> unknown`);
    const everything = JSON.stringify(await db.bulletinDelivery.findMany({ where: { bulletinId: bulletin.id } }, ), (_, v) => (typeof v === "bigint" ? v.toString() : v));
    expect(everything.toLowerCase()).not.toContain(gone!.email.toLowerCase());
  });
});
