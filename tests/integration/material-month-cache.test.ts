import { randomInt, randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { createEvent } from "~/modules/events/index.server";
import { eventFormSchema } from "~/modules/events/schema";
import { createLocation, createMaterial } from "~/modules/materials/catalogue.server";
import { materialFiguresForMonth, materialTotalsForMonths } from "~/modules/materials/figures.server";
import { recordMovement, reverseMovement } from "~/modules/materials/ledger.server";
import { materialFormSchema } from "~/modules/materials/schema";
import { createUser } from "../support/factories";

// Months of their own (a year no other test writes), so the month totals are this file's alone.
const YEAR = 2400 + randomInt(5000);
const key = (month: number) => `${YEAR}-${String(month).padStart(2, "0")}`;
const at = (month: number, day = 15) => new Date(`${key(month)}-${String(day).padStart(2, "0")}T18:00:00Z`);
const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
afterAll(() => client.end());

/** Totals of March to May of YEAR, as the home reads them. */
const homeTotals = async () => Object.fromEntries((await materialTotalsForMonths(YEAR, 3, 3)).map((t) => [t.month, t.totals.total]));
/** The same months from the month's figures (never cached): what the home must agree with. */
const figureTotals = async () => Object.fromEntries(await Promise.all([3, 4, 5].map(async (m) => [key(m), (await materialFiguresForMonth(YEAR, m)).totals.total])));

/** A coordinator and a material of this test's own. */
async function setUp(kind: "POSTER" | "LEAFLET") {
  const tag = randomUUID().slice(0, 8);
  const user = await createUser({ role: "COORDINATOR" });
  const actor = { userId: user.id, ip: "127.0.0.1" };
  const material = await createMaterial(actor, materialFormSchema.parse({ code: `MC-${tag}`, name: `Material ${tag}`, kind, audience: "USA", language: "es", lowStockThreshold: "0", active: "on" }));
  return { tag, actor, material };
}

describe("the home's month totals, kept while nothing they read has changed", () => {
  it("serves a computed month from MaterialMonthTotals and recomputes it after a ledger entry, a reversal, an event's change or a material's kind", async () => {
    const { tag, actor, material } = await setUp("POSTER");
    const warehouse = await createLocation(actor, { name: `Bodega ${tag}`, kind: "WAREHOUSE", partnerId: null, country: "MX", state: null, city: null, active: true });
    const office = await createLocation(actor, { name: `Oficina ${tag}`, kind: "PARTNER_OFFICE", partnerId: null, country: "US", state: null, city: null, active: true });
    await recordMovement(actor, { kind: "RECEIPT", materialId: material.id, toLocationId: warehouse.id, quantity: 10_000, supplier: "Imprenta", orderRef: null, occurredAt: at(1) });
    await recordMovement(actor, { kind: "TRANSFER", materialId: material.id, fromLocationId: warehouse.id, toLocationId: office.id, quantity: 100, occurredAt: at(3) });

    expect(await homeTotals()).toEqual({ [key(3)]: 100, [key(4)]: 0, [key(5)]: 0 });
    const kept = await db.materialMonthTotals.findUniqueOrThrow({ where: { month: key(3) } });
    expect(kept.totals).toEqual([{ kind: "POSTER", line: "partners", quantity: 100 }]);

    // Read again, the kept totals are what the home shows: a planted figure comes back.
    await db.materialMonthTotals.update({ where: { month: key(3) }, data: { totals: [{ kind: "POSTER", line: "partners", quantity: 7 }] } });
    expect((await homeTotals())[key(3)]).toBe(7);
    await db.materialMonthTotals.update({ where: { month: key(3) }, data: { totals: kept.totals! } });

    // A ledger entry in the month: recomputed.
    const second = await recordMovement(actor, { kind: "TRANSFER", materialId: material.id, fromLocationId: warehouse.id, toLocationId: office.id, quantity: 50, occurredAt: at(3, 20) });
    expect(await homeTotals()).toEqual({ [key(3)]: 150, [key(4)]: 0, [key(5)]: 0 });
    // Its reversal (dated today, far from the month): the month it moved is recomputed.
    await reverseMovement(actor, second.id, "Capturado dos veces");
    expect((await homeTotals())[key(3)]).toBe(100);

    // An event in April (the form takes years to 2200: dated there, then moved): sent to it in
    // March, counted in the event's month.
    const event = await createEvent(
      actor,
      eventFormSchema.parse({ name: `Feria ${tag}`, kind: "COMMUNITY_FESTIVAL", status: "HELD", timeZone: "America/Chicago", startsLocal: "2199-04-19T10:00", endsLocal: "2199-04-19T20:00", country: "US", state: "Texas", city: "Dallas" }),
    );
    await db.event.update({ where: { id: event.id }, data: { startsAt: at(4, 19), endsAt: at(4, 20) } });
    // The event's location made as the shipments make it, then tied to the event (a location's event moves every month).
    const eventLocation = await db.location.create({ data: { name: `Evento ${tag}`, kind: "EVENT", country: "US" } });
    await db.location.update({ where: { id: eventLocation.id }, data: { eventId: event.id } });
    await recordMovement(actor, { kind: "TRANSFER", materialId: material.id, fromLocationId: warehouse.id, toLocationId: eventLocation.id, quantity: 30, occurredAt: at(3, 25) });
    expect(await homeTotals()).toEqual({ [key(3)]: 100, [key(4)]: 30, [key(5)]: 0 });
    // Moved to May, then cancelled: each read gives the month's figures.
    await db.event.update({ where: { id: event.id }, data: { startsAt: at(5, 10), endsAt: at(5, 11) } });
    expect(await homeTotals()).toEqual({ [key(3)]: 100, [key(4)]: 0, [key(5)]: 30 });
    await db.event.update({ where: { id: event.id }, data: { status: "CANCELLED" } });
    expect(await homeTotals()).toEqual({ [key(3)]: 100, [key(4)]: 0, [key(5)]: 0 });
    expect(await homeTotals()).toEqual(await figureTotals());

    // A material's kind moves its totals by kind in every month.
    await db.material.update({ where: { id: material.id }, data: { kind: "LEAFLET" } });
    const [march] = await materialTotalsForMonths(YEAR, 3, 1);
    expect(march!.byKind.map((k) => [k.kind, k.total])).toEqual([["LEAFLET", 100]]);
  });

  it("does not keep a month computed while a change to it was being committed", async () => {
    const { tag, actor, material } = await setUp("LEAFLET");
    const post = await createLocation(actor, { name: `Consulado ${tag}`, kind: "FOREIGN_SERVICE_POST", partnerId: null, country: "US", state: null, city: null, active: true });
    const month = 8;

    // A writer's transaction has appended its movement (and, by its trigger, the month's change)
    // but not committed: a reader computes the month without it in the meantime.
    await client.connect();
    await client.query("BEGIN");
    await client.query(`INSERT INTO "StockMovement" ("materialId", "kind", "toLocationId", "quantity", "occurredAt") VALUES ($1, 'TRANSFER', $2, 40, $3)`, [material.id, post.id, at(month)]);
    expect((await materialTotalsForMonths(YEAR, month, 1))[0]!.totals.total).toBe(0);
    await client.query("COMMIT");
    // Committed: the month is read anew, not from what the reader kept.
    expect((await materialTotalsForMonths(YEAR, month, 1))[0]!.totals.foreignServicePosts).toBe(40);
    expect((await materialTotalsForMonths(YEAR, month, 1))[0]!.totals.total).toBe((await materialFiguresForMonth(YEAR, month)).totals.total);
  });
});
