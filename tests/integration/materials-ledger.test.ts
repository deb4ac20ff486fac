/**
 * The materials ledger against the real PostgreSQL: stock never negative under concurrency (20
 * parallel shipments on the same stock), append-only movements, reversal, the shipment state
 * machine with partial receipt, event hand-outs in the ledger, and a month's figures equal to the
 * sum of the ledger. Every test makes materials and locations of its own (other files share the
 * database) and asserts only on them.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { createEvent, getEvent, recordOutcomes } from "~/modules/events/event.server";
import { eventFormSchema, parseOutcomesForm } from "~/modules/events/schema";
import { createLocation, createMaterial } from "~/modules/materials/catalogue.server";
import { MaterialError } from "~/modules/materials/errors";
import { HANDED_OUT_LOCATION_ID, UNSHIPPED_REASON } from "~/modules/materials/fields";
import { lowStockAlerts, materialFiguresForMonth, materialsCsv } from "~/modules/materials/figures.server";
import { eventHandouts, eventMaterials, recordMovement, reverseMovement, stockAt } from "~/modules/materials/ledger.server";
import { cancelShipment, createShipment, prepareShipment, receiveShipment, shipShipment, updateShipmentLines } from "~/modules/materials/shipments.server";
import { materialFormSchema } from "~/modules/materials/schema";
import { createUser } from "../support/factories";

const unique = () => randomUUID().slice(0, 8);
const actorOf = (user: { id: string }) => ({ userId: user.id, ip: "127.0.0.1" });

async function setup(opts: { stock?: number; threshold?: number } = {}) {
  const user = await createUser({ role: "COORDINATOR" });
  const actor = actorOf(user);
  const tag = unique();
  const material = await createMaterial(actor, materialFormSchema.parse({ code: `T-${tag}`, name: `Díptico prueba ${tag}`, kind: "LEAFLET", audience: "USA", language: "es", lowStockThreshold: String(opts.threshold ?? 0), active: "on" }));
  const warehouse = await createLocation(actor, { name: `Bodega ${tag}`, kind: "WAREHOUSE", partnerId: null, country: "MX", state: null, city: "Ciudad de México", active: true });
  const post = await createLocation(actor, { name: `Consulado ${tag}`, kind: "FOREIGN_SERVICE_POST", partnerId: null, country: "US", state: null, city: "Dallas", active: true });
  if (opts.stock) await recordMovement(actor, { kind: "RECEIPT", materialId: material.id, toLocationId: warehouse.id, quantity: opts.stock, supplier: "Talleres Gráficos de México", orderRef: `OC-${tag}` });
  return { user, actor, tag, material, warehouse, post };
}

function eventInput(overrides: Record<string, string> = {}) {
  return eventFormSchema.parse({
    name: `Feria ${unique()}`,
    kind: "COMMUNITY_FESTIVAL",
    status: "HELD",
    timeZone: "America/Chicago",
    startsLocal: "2017-11-19T10:00",
    endsLocal: "2017-11-19T20:00",
    country: "US",
    state: "Texas",
    city: "Fort Worth",
    ...overrides,
  });
}

function outcomes(rows: Array<[string, string]>, values: Record<string, string> = {}) {
  const form = new FormData();
  for (const [k, v] of Object.entries(values)) form.set(k, v);
  for (const [materialId, qty] of rows) {
    form.append("handoutMaterial", materialId);
    form.append("handoutQty", qty);
  }
  const parsed = parseOutcomesForm(form);
  if (!parsed.success) throw new Error(JSON.stringify(parsed.errors));
  return parsed.data;
}

/** A far-future month of this test's own. */
function ownMonth() {
  const year = 2100 + Math.floor(Math.random() * 99);
  const month = 1 + Math.floor(Math.random() * 12);
  return { year, month, key: `${year}-${String(month).padStart(2, "0")}` };
}

describe("the ledger", () => {
  it("never lets 20 parallel shipments take more than there is", async () => {
    const { actor, material, warehouse, post } = await setup({ stock: 100 });
    const shipments = await Promise.all(Array.from({ length: 20 }, () => createShipment(actor, { fromLocationId: warehouse.id, destination: { kind: "location", locationId: post.id }, lines: [{ materialId: material.id, quantity: 10 }] })));
    const results = await Promise.allSettled(shipments.map((s) => shipShipment(actor, s.id)));
    const ok = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).toHaveLength(10);
    expect(refused).toHaveLength(10);
    for (const r of refused) expect(r.reason).toMatchObject({ code: "insufficientStock" });
    expect(await stockAt(db, material.id, warehouse.id)).toBe(0);
    const shipped = await db.shipment.count({ where: { id: { in: shipments.map((s) => s.id) }, status: "SHIPPED" } });
    expect(shipped).toBe(10);
    // The level equals the ledger: received 100, shipped out 100.
    const out = await db.stockMovement.aggregate({ where: { materialId: material.id, fromLocationId: warehouse.id }, _sum: { quantity: true } });
    expect(out._sum.quantity).toBe(100);
  });

  it("refuses 20 parallel direct transfers beyond the stock, and the CHECK refuses a negative level", async () => {
    const { actor, material, warehouse, post } = await setup({ stock: 55 });
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => recordMovement(actor, { kind: "TRANSFER", materialId: material.id, fromLocationId: warehouse.id, toLocationId: post.id, quantity: 5 })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(11);
    expect(await stockAt(db, material.id, warehouse.id)).toBe(0);
    expect(await stockAt(db, material.id, post.id)).toBe(55);
    await expect(db.$executeRaw`UPDATE "StockLevel" SET "quantity" = -1 WHERE "materialId" = ${material.id} AND "locationId" = ${post.id}`).rejects.toThrow(/StockLevel_quantity_nonnegative/);
  });

  it("keeps movements append-only and corrects a mistake with a reversal, once", async () => {
    const { actor, material, warehouse } = await setup();
    const receipt = await recordMovement(actor, { kind: "RECEIPT", materialId: material.id, toLocationId: warehouse.id, quantity: 1200, supplier: "Imprenta", orderRef: null });
    await expect(db.$executeRaw`UPDATE "StockMovement" SET "quantity" = 1 WHERE id = ${receipt.id}`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`DELETE FROM "StockMovement" WHERE id = ${receipt.id}`).rejects.toThrow(/append-only/);

    const reversal = await reverseMovement(actor, receipt.id, "Se capturó 1,200 en vez de 120");
    expect(reversal).toMatchObject({ kind: "REVERSAL", reversesId: receipt.id, fromLocationId: warehouse.id, toLocationId: null, quantity: 1200 });
    expect(await stockAt(db, material.id, warehouse.id)).toBe(0);
    await expect(reverseMovement(actor, receipt.id, "otra vez")).rejects.toMatchObject({ code: "alreadyReversed" });
    await expect(reverseMovement(actor, reversal.id, "deshacer")).rejects.toMatchObject({ code: "notReversible" });

    // A reversal needs the stock back where it went: a receipt already shipped away cannot be undone.
    const second = await recordMovement(actor, { kind: "RECEIPT", materialId: material.id, toLocationId: warehouse.id, quantity: 120, supplier: "Imprenta", orderRef: null });
    await recordMovement(actor, { kind: "LOSS", materialId: material.id, fromLocationId: warehouse.id, quantity: 100, reason: "Humedad en la bodega" });
    await expect(reverseMovement(actor, second.id, "error")).rejects.toBeInstanceOf(MaterialError);
    expect(await stockAt(db, material.id, warehouse.id)).toBe(20);

    await recordMovement(actor, { kind: "ADJUSTMENT", materialId: material.id, locationId: warehouse.id, delta: -5, reason: "Conteo físico" });
    await expect(recordMovement(actor, { kind: "ADJUSTMENT", materialId: material.id, locationId: warehouse.id, delta: -16, reason: "Conteo" })).rejects.toMatchObject({ code: "insufficientStock" });
    expect(await stockAt(db, material.id, warehouse.id)).toBe(15);
    const actions = (await db.auditLog.findMany({ where: { entity: "material", entityId: material.id }, orderBy: { id: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["material.create", "material.movement", "material.reverse", "material.movement", "material.movement", "material.movement"]);
  });
});

describe("shipments", () => {
  it("goes requested → prepared → shipped → received, locks lines once shipped, and records a partial receipt as a loss", async () => {
    const { actor, material, warehouse, tag } = await setup({ stock: 3000 });
    const second = await createMaterial(actor, materialFormSchema.parse({ code: `B-${tag}`, name: `Botón ${tag}`, kind: "BUTTON", active: "on" }));
    await recordMovement(actor, { kind: "RECEIPT", materialId: second.id, toLocationId: warehouse.id, quantity: 500, supplier: "Promocionales", orderRef: null });
    const event = await createEvent(actor, eventInput());
    const shipment = await createShipment(actor, { fromLocationId: warehouse.id, destination: { kind: "event", eventId: event.id }, lines: [{ materialId: material.id, quantity: 2000 }, { materialId: second.id, quantity: 500 }] });
    expect(shipment).toMatchObject({ status: "REQUESTED", eventId: event.id });
    await expect(receiveShipment(actor, shipment.id)).rejects.toMatchObject({ code: "badTransition" });
    await updateShipmentLines(actor, shipment.id, [{ materialId: material.id, quantity: 2100 }, { materialId: second.id, quantity: 500 }]);
    await prepareShipment(actor, shipment.id);
    await expect(prepareShipment(actor, shipment.id)).rejects.toMatchObject({ code: "badTransition" });
    await shipShipment(actor, shipment.id, { carrier: "DHL", trackingRef: "1234567890" });
    expect(await stockAt(db, material.id, warehouse.id)).toBe(900);
    await expect(updateShipmentLines(actor, shipment.id, [{ materialId: material.id, quantity: 1 }])).rejects.toMatchObject({ code: "linesLocked" });
    await expect(cancelShipment(actor, shipment.id)).rejects.toMatchObject({ code: "badTransition" });
    await expect(shipShipment(actor, shipment.id)).rejects.toMatchObject({ code: "badTransition" });

    // 100 leaflets did not arrive: the note is required and the difference is a loss.
    await expect(receiveShipment(actor, shipment.id, { received: { [material.id]: 2000 } })).rejects.toMatchObject({ code: "lossNoteRequired" });
    await expect(receiveShipment(actor, shipment.id, { received: { [material.id]: 2200 }, note: "x" })).rejects.toMatchObject({ code: "receivedTooMuch" });
    expect(await receiveShipment(actor, shipment.id, { received: { [material.id]: 2000 }, note: "Una caja llegó mojada" })).toEqual({ lost: 100 });
    const location = await db.location.findUniqueOrThrow({ where: { eventId: event.id } });
    expect(await stockAt(db, material.id, location.id)).toBe(2000);
    expect(await stockAt(db, second.id, location.id)).toBe(500);
    const loss = await db.stockMovement.findFirstOrThrow({ where: { shipmentId: shipment.id, kind: "LOSS" } });
    expect(loss).toMatchObject({ quantity: 100, reason: "Una caja llegó mojada", materialId: material.id });
    const row = await db.shipment.findUniqueOrThrow({ where: { id: shipment.id }, include: { lines: true } });
    expect(row).toMatchObject({ status: "RECEIVED", carrier: "DHL", trackingRef: "1234567890", requestedById: actor.userId, shippedById: actor.userId, receivedById: actor.userId });
    expect(row.lines.find((l) => l.materialId === material.id)?.receivedQuantity).toBe(2000);
    const actions = (await db.auditLog.findMany({ where: { entity: "shipment", entityId: shipment.id }, orderBy: { id: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["shipment.create", "shipment.lines", "shipment.prepare", "shipment.ship", "shipment.receive"]);

    // Hand-outs at the event draw on what arrived; the event's materials show each figure.
    await recordOutcomes(actor, event.id, outcomes([[material.id, "1800"], [second.id, "500"]], { credentialAppointments: "65" }));
    await recordMovement(actor, { kind: "RETURN", materialId: material.id, fromLocationId: location.id, toLocationId: warehouse.id, quantity: 150 });
    const rows = await eventMaterials(event.id);
    expect(rows.find((r) => r.materialId === material.id)).toMatchObject({ requested: 2100, arrived: 2000, unshipped: 0, handedOut: 1800, returned: 150, onHand: 50 });
    expect(rows.find((r) => r.materialId === second.id)).toMatchObject({ requested: 500, arrived: 500, handedOut: 500, onHand: 0 });
    expect((await getEvent(event.id))?.figures.handedOut).toBe(2300);
  });

  it("cancels before shipping without touching stock", async () => {
    const { actor, material, warehouse, post } = await setup({ stock: 10 });
    const shipment = await createShipment(actor, { fromLocationId: warehouse.id, destination: { kind: "location", locationId: post.id }, lines: [{ materialId: material.id, quantity: 10 }] });
    await cancelShipment(actor, shipment.id);
    await expect(shipShipment(actor, shipment.id)).rejects.toMatchObject({ code: "badTransition" });
    expect(await stockAt(db, material.id, warehouse.id)).toBe(10);
    await expect(createShipment(actor, { fromLocationId: warehouse.id, destination: { kind: "location", locationId: warehouse.id }, lines: [{ materialId: material.id, quantity: 1 }] })).rejects.toMatchObject({ code: "sameLocation" });
  });
});

describe("hand-outs at events", () => {
  it("records hand-outs of stock that never arrived as an adjustment plus a hand-out, and corrects them by reversal", async () => {
    const { actor, material } = await setup();
    const event = await createEvent(actor, eventInput());
    expect(await recordOutcomes(actor, event.id, outcomes([[material.id, "2,000"]]))).toEqual({ changed: true });
    expect(await recordOutcomes(actor, event.id, outcomes([[material.id, "2000"]]))).toEqual({ changed: false });
    const location = await db.location.findUniqueOrThrow({ where: { eventId: event.id } });
    const moves = await db.stockMovement.findMany({ where: { eventId: event.id }, orderBy: { id: "asc" } });
    expect(moves.map((m) => [m.kind, m.fromLocationId, m.toLocationId, m.quantity, m.reason])).toEqual([
      ["ADJUSTMENT", null, location.id, 2000, UNSHIPPED_REASON],
      ["HANDOUT", location.id, HANDED_OUT_LOCATION_ID, 2000, null],
    ]);
    expect(moves[1]?.occurredAt.toISOString()).toBe(event.startsAt.toISOString());

    // Typed 2,000 but it was 1,500: the hand-out is reversed and 1,500 handed out again; the 500
    // brought in only to be handed out go away too (the adjustment is replaced by a smaller one).
    const unshipped = async () => (await db.stockMovement.aggregate({ where: { eventId: event.id, kind: "ADJUSTMENT", reversedBy: null }, _sum: { quantity: true } }))._sum.quantity ?? 0;
    await recordOutcomes(actor, event.id, outcomes([[material.id, "1500"]]));
    expect((await eventHandouts(event.id)).map((h) => [h.materialId, h.quantity])).toEqual([[material.id, 1500]]);
    expect(await stockAt(db, material.id, location.id)).toBe(0);
    expect(await unshipped()).toBe(1500);
    // Up to 2,100: 600 more brought without a shipment.
    await recordOutcomes(actor, event.id, outcomes([[material.id, "2100"]]));
    expect(await stockAt(db, material.id, location.id)).toBe(0);
    expect(await unshipped()).toBe(2100);
    expect((await eventMaterials(event.id)).find((r) => r.materialId === material.id)).toMatchObject({ unshipped: 2100, handedOut: 2100, onHand: 0 });
    // Removing the row sets it to zero.
    await recordOutcomes(actor, event.id, outcomes([]));
    expect(await eventHandouts(event.id)).toEqual([]);
    expect(await unshipped()).toBe(0);
    expect(await stockAt(db, material.id, location.id)).toBe(0);
    expect((await getEvent(event.id))?.figures.handedOut).toBe(0);
    const audits = await db.auditLog.findMany({ where: { entity: "event", entityId: event.id, action: "event.outcomes" }, orderBy: { id: "asc" } });
    expect(audits[0]?.after).toMatchObject({ handouts: [{ materialId: material.id, quantity: 2000 }] });
    await expect(recordOutcomes(actor, event.id, outcomes([["no-such-material", "5"]]))).rejects.toMatchObject({ code: "materialNotFound" });
  });
});

describe("figures and alerts", () => {
  it("sums a month's distribution from the ledger by material, kind and destination", async () => {
    const { actor, material, warehouse, tag } = await setup({ stock: 100_000 });
    const { year, month, key } = ownMonth();
    const abroad = await createEvent(actor, eventInput({ startsLocal: `${key}-19T10:00`, endsLocal: `${key}-19T20:00` }));
    const mexico = await createEvent(actor, eventInput({ country: "MX", state: "Jalisco", timeZone: "America/Mexico_City", startsLocal: `${key}-02T11:00`, endsLocal: `${key}-02T13:00` }));
    const cancelled = await createEvent(actor, eventInput({ status: "CANCELLED", startsLocal: `${key}-20T10:00`, endsLocal: `${key}-20T11:00` }));
    const partner = await db.partner.create({ data: { name: `Programa ${tag}`, kind: "INTERNATIONAL_PROGRAMME", country: "CA" } });
    const ship = async (destination: Parameters<typeof createShipment>[1]["destination"], quantity: number, received = quantity) => {
      const s = await createShipment(actor, { fromLocationId: warehouse.id, destination, lines: [{ materialId: material.id, quantity }] });
      await shipShipment(actor, s.id, {}, new Date(`${key}-05T18:00:00Z`));
      await receiveShipment(actor, s.id, { received: { [material.id]: received }, note: received < quantity ? "faltante" : null }, new Date(`${key}-10T18:00:00Z`));
    };
    await ship({ kind: "event", eventId: abroad.id }, 3000, 2900);
    await ship({ kind: "event", eventId: mexico.id }, 700);
    await ship({ kind: "event", eventId: cancelled.id }, 50);
    await ship({ kind: "partner", partnerId: partner.id }, 20_000);
    // 100 more than arrived: brought without a shipment. (Recorded as of after the month: the event must have started.)
    await recordOutcomes(actor, abroad.id, outcomes([[material.id, "3000"]]), new Date(Date.UTC(year + 1, 0, 15)));
    const abroadLoc = await db.location.findUniqueOrThrow({ where: { eventId: abroad.id } });
    const mexicoLoc = await db.location.findUniqueOrThrow({ where: { eventId: mexico.id } });
    await recordMovement(actor, { kind: "RETURN", materialId: material.id, fromLocationId: mexicoLoc.id, toLocationId: warehouse.id, quantity: 36 });
    const mistake = await recordMovement(actor, { kind: "TRANSFER", materialId: material.id, fromLocationId: warehouse.id, toLocationId: abroadLoc.id, quantity: 999 });
    await reverseMovement(actor, mistake.id, "otro material");

    const figures = await materialFiguresForMonth(year, month);
    const mine = figures.byMaterial.find((m) => m.materialId === material.id);
    expect(mine).toMatchObject({ eventsAbroad: 3000, eventsMexico: 664, partners: 20_000, foreignServicePosts: 0, total: 23_664 });
    expect(figures.byDestination.find((d) => d.id === abroad.id)?.quantity).toBe(3000);
    expect(figures.byDestination.find((d) => d.id === cancelled.id)).toBeUndefined();
    expect(figures.byKind.find((k) => k.kind === "LEAFLET")?.total).toBeGreaterThanOrEqual(23_664);

    // The same figure straight from the ledger's movements into these destinations.
    const partnerLoc = await db.location.findFirstOrThrow({ where: { partnerId: partner.id } });
    const ledger = await db.stockMovement.findMany({ where: { materialId: material.id, reversesId: null, reversedBy: null, OR: [{ toLocationId: { in: [abroadLoc.id, mexicoLoc.id, partnerLoc.id] } }, { fromLocationId: { in: [abroadLoc.id, mexicoLoc.id] }, kind: "RETURN" }] } });
    const sum = ledger.reduce((s, m) => s + (m.kind === "RETURN" ? -m.quantity : m.kind === "HANDOUT" || m.kind === "REVERSAL" ? 0 : m.quantity), 0);
    expect(mine?.total).toBe(sum);

    const csv = await (async () => {
      let out = "";
      for await (const chunk of materialsCsv("figures", { year, month })) out += chunk;
      return out;
    })();
    expect(csv).toContain(`${key},T-${tag.toUpperCase()},Díptico prueba ${tag},LEAFLET,3000,664,0,20000,0,23664`);
  });

  it("alerts when a warehouse holds less than the material's threshold", async () => {
    const { actor, material, warehouse } = await setup({ stock: 400, threshold: 500 });
    const alerts = await lowStockAlerts(10_000);
    expect(alerts.find((a) => a.materialId === material.id && a.locationId === warehouse.id)).toMatchObject({ quantity: 400, threshold: 500 });
    await recordMovement(actor, { kind: "RECEIPT", materialId: material.id, toLocationId: warehouse.id, quantity: 100, supplier: "Imprenta", orderRef: null });
    expect((await lowStockAlerts(10_000)).find((a) => a.materialId === material.id && a.locationId === warehouse.id)).toBeUndefined();
  });

  it("neutralises formulas in the CSV", async () => {
    const { actor, warehouse, tag } = await setup();
    const material = await createMaterial(actor, materialFormSchema.parse({ code: `F-${tag}`, name: `=HYPERLINK("x") ${tag}`, kind: "OTHER", active: "on" }));
    await recordMovement(actor, { kind: "RECEIPT", materialId: material.id, toLocationId: warehouse.id, quantity: 7, supplier: "+Imprenta", orderRef: null });
    let out = "";
    for await (const chunk of materialsCsv("stock")) out += chunk;
    expect(out).toContain(`F-${tag.toUpperCase()},"'=HYPERLINK(""x"") ${tag}",OTHER,pieza,Bodega ${tag},WAREHOUSE,MX,7,0`);
  });
});
