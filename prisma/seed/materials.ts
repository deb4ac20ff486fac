/**
 * Demo data for the materials area (called by prisma/seed.ts after events): the report's materials
 * with the source's names (2.3.2 «Distribución de materiales impresos»), a central warehouse, the
 * printer's receipts (October 2017) and the November 2017 shipments and hand-outs that reproduce
 * the report's figures:
 * - the events' hand-outs (2.1.4): Fort Worth 2,000 dípticos, 500 botones, 500 lápices; Lynwood
 *   1,500 dípticos, 1,000 postales, 500 credenciales de muestra (the only source of those figures);
 * - to events abroad 52,174 items in all (Fort Worth and Lynwood, the month's only events abroad)
 *   and to events in Mexico 21,664 (UNIVA, the month's only event in Mexico; the Operativo de
 *   Invierno is December's);
 * - 948,747 through the foreign ministry's consular network (a foreign-service post) and 244,900
 *   dípticos to the Programa Paisano (INM, a partner): other destinations, never events.
 *
 * OURS, NOT THE SOURCE'S (it gives only the totals and the list of materials):
 * - the split of 52,174 between the two events and among the materials (EVENT_SHIPMENTS below:
 *   Fort Worth 32,134, Lynwood 20,040); the botones and lápices handed out in Fort Worth are part
 *   of the 52,174, since a hand-out comes out of what reached the event;
 * - that all 21,664 went to the UNIVA conference (the source ties the total to no event; in the
 *   demo it is November's only event in Mexico) and its split among the materials;
 * - which díptico was handed out («dípticos» in the source: the Díptico EUA, Canadá y Resto del
 *   Mundo) and which one the Programa Paisano received (the same: its audience lives abroad);
 * - the quantities received from the printer, the dates, carriers and tracking numbers.
 * What reached an event and was not handed out stays at the event's location in the ledger (the
 * source counts what was sent to the events, not what was handed out).
 *
 * Idempotent: materials by code (a material still carrying the previous seed's name is renamed),
 * places by fixed id, receipts by order reference, shipments by their destination and note (each
 * step done only when the status says it is still to do), and hand-outs set (not added) to the
 * report's figures.
 */
import { db } from "../../app/lib/db.server.ts";
import type { MaterialAudience, MaterialKind } from "../../app/generated/prisma/enums.ts";
import { inTx, recordMovement, setEventHandouts } from "../../app/modules/materials/ledger.server.ts";
import { createShipment, prepareShipment, receiveShipment, shipShipment } from "../../app/modules/materials/shipments.server.ts";
import type { Destination } from "../../app/modules/materials/shipments.server.ts";

type SeedMaterial = {
  code: string;
  name: string;
  /** The name an earlier version of this seed gave it: renamed to the source's. */
  formerly?: string;
  kind: MaterialKind;
  audience: MaterialAudience | null;
  threshold: number;
  received: number;
  orderRef: string;
};

export const SEED_MATERIALS: SeedMaterial[] = [
  { code: "DIP-EXT-2017", name: "Díptico EUA, Canadá y Resto del Mundo", kind: "LEAFLET", audience: "USA", threshold: 10_000, received: 1_300_000, orderRef: "OC-2017-101" },
  { code: "DIP-MEX-2017", name: "Díptico México Vocalías y MAC", formerly: "Díptico México", kind: "LEAFLET", audience: "MEXICO", threshold: 5_000, received: 60_000, orderRef: "OC-2017-102" },
  { code: "FOLLETO-VOTO", name: "Folleto «¿Cómo puedo votar desde el extranjero?»", kind: "BOOKLET", audience: "ALL", threshold: 2_000, received: 20_000, orderRef: "OC-2017-109" },
  { code: "POSTAL-2017", name: "Postales", formerly: "Postal", kind: "POSTCARD", audience: "ALL", threshold: 2_000, received: 20_000, orderRef: "OC-2017-103" },
  { code: "CARTEL-EXT", name: "Cartel EUA, Canadá y Resto del Mundo", kind: "POSTER", audience: "USA", threshold: 50, received: 500, orderRef: "OC-2017-110" },
  { code: "CARTEL-MEX", name: "Cartel México", kind: "POSTER", audience: "MEXICO", threshold: 50, received: 300, orderRef: "OC-2017-111" },
  { code: "CARTEL-APP", name: "Cartel App VotoExtranjeroMX", kind: "POSTER", audience: "ALL", threshold: 100, received: 500, orderRef: "OC-2017-104" },
  { code: "DIP-APP", name: "Díptico App VotoExtranjeroMX", kind: "LEAFLET", audience: "ALL", threshold: 1_000, received: 10_000, orderRef: "OC-2017-112" },
  { code: "CRED-MUESTRA", name: "Credencial INE (ejemplo)", kind: "SAMPLE_ID_CARD", audience: "ALL", threshold: 500, received: 10_000, orderRef: "OC-2017-105" },
  { code: "LONA-VMRE", name: "Displays (lonas y soportes)", formerly: "Lona / display VMRE", kind: "DISPLAY", audience: "ALL", threshold: 0, received: 20, orderRef: "OC-2017-108" },
  { code: "BOTON-VMRE", name: "Botones VotoExtranjeroMX", formerly: "Botón VotoExtranjeroMX", kind: "BUTTON", audience: "ALL", threshold: 1_000, received: 2_500, orderRef: "OC-2017-106" },
  { code: "LAPIZ-VMRE", name: "Lápices VotoExtranjeroMX", formerly: "Lápiz VotoExtranjeroMX", kind: "PENCIL", audience: "ALL", threshold: 500, received: 3_000, orderRef: "OC-2017-107" },
];

/** The source's totals for November 2017 (2.3.2): what the ledger must say. */
export const NOVEMBER_2017_TO_EVENTS_ABROAD = 52_174;
export const NOVEMBER_2017_TO_EVENTS_MEXICO = 21_664;

const WAREHOUSE_ID = "seed-loc-bodega-central";
const CONSULAR_NETWORK_ID = "seed-loc-red-consular";
const SUPPLIER = "Talleres Gráficos de México";

type SeedShipment = {
  note: string;
  destination: { eventId: string } | { partnerName: string } | { locationId: string };
  lines: Array<[code: string, quantity: number]>;
  requested: string;
  shipped: string;
  received: string;
  carrier: string;
  trackingRef: string;
};

// Ours: the split of the source's totals among events and materials (see the header).
const FORT_WORTH: Array<[string, number]> = [
  ["DIP-EXT-2017", 20_000], ["DIP-MEX-2017", 3_000], ["FOLLETO-VOTO", 5_000], ["POSTAL-2017", 2_000], ["CARTEL-EXT", 60], ["CRED-MUESTRA", 1_000],
  ["CARTEL-APP", 40], ["LONA-VMRE", 4], ["CARTEL-MEX", 30], ["BOTON-VMRE", 500], ["LAPIZ-VMRE", 500],
]; // 32,134
const LYNWOOD: Array<[string, number]> = [
  ["DIP-EXT-2017", 10_000], ["DIP-MEX-2017", 2_000], ["FOLLETO-VOTO", 3_000], ["POSTAL-2017", 3_000], ["CARTEL-EXT", 10], ["CRED-MUESTRA", 2_000],
  ["CARTEL-APP", 20], ["LONA-VMRE", 2], ["CARTEL-MEX", 8],
]; // 20,040
const UNIVA: Array<[string, number]> = [["DIP-EXT-2017", 5_000], ["DIP-MEX-2017", 10_000], ["POSTAL-2017", 3_000], ["CRED-MUESTRA", 1_664], ["DIP-APP", 2_000]]; // 21,664

export const SEED_SHIPMENTS: SeedShipment[] = [
  {
    note: "Material para el módulo del Día del Músico (Fort Worth).",
    destination: { eventId: "seed-event-dia-del-musico-2017" },
    lines: FORT_WORTH,
    requested: "2017-11-08T16:00:00Z",
    shipped: "2017-11-10T17:00:00Z",
    received: "2017-11-15T18:00:00Z",
    carrier: "DHL",
    trackingRef: "DHL-4471190235",
  },
  {
    note: "Material para la Entrega de Pavos 2017 (Lynwood).",
    destination: { eventId: "seed-event-entrega-de-pavos-2017" },
    lines: LYNWOOD,
    requested: "2017-11-10T16:00:00Z",
    shipped: "2017-11-13T17:00:00Z",
    received: "2017-11-17T18:00:00Z",
    carrier: "DHL",
    trackingRef: "DHL-4471190871",
  },
  {
    note: "Material para la conferencia en la Semana UNIVA (Lagos de Moreno).",
    destination: { eventId: "seed-event-univa-2017" },
    lines: UNIVA,
    requested: "2017-10-27T16:00:00Z",
    shipped: "2017-10-30T17:00:00Z",
    received: "2017-11-01T18:00:00Z",
    carrier: "Estafeta",
    trackingRef: "EST-3319920011",
  },
  {
    note: "244,900 dípticos para 420 puntos de internación (Programa Paisano).",
    destination: { partnerName: "Instituto Nacional de Migración – Programa Paisano" },
    lines: [["DIP-EXT-2017", 244_900]],
    requested: "2017-11-06T16:00:00Z",
    shipped: "2017-11-08T17:00:00Z",
    received: "2017-11-10T18:00:00Z",
    carrier: "Transportes del INE",
    trackingRef: "INE-PAI-2017-01",
  },
  {
    note: "Distribución por la red consular de la Cancillería.",
    destination: { locationId: CONSULAR_NETWORK_ID },
    lines: [["DIP-EXT-2017", 948_747]],
    requested: "2017-11-01T16:00:00Z",
    shipped: "2017-11-03T17:00:00Z",
    received: "2017-11-06T18:00:00Z",
    carrier: "Valija diplomática (SRE)",
    trackingRef: "SRE-VAL-2017-11",
  },
];

/** The report's hand-outs, the only source of these figures. */
export const SEED_HANDOUTS: Array<{ eventId: string; lines: Array<[code: string, quantity: number]> }> = [
  { eventId: "seed-event-dia-del-musico-2017", lines: [["DIP-EXT-2017", 2000], ["BOTON-VMRE", 500], ["LAPIZ-VMRE", 500]] },
  { eventId: "seed-event-entrega-de-pavos-2017", lines: [["DIP-EXT-2017", 1500], ["POSTAL-2017", 1000], ["CRED-MUESTRA", 500]] },
];

const sum = (lines: Array<[string, number]>) => lines.reduce((total, [, quantity]) => total + quantity, 0);

export async function seedMaterials(): Promise<string> {
  // Our split must add up to the source's totals.
  if (sum(FORT_WORTH) + sum(LYNWOOD) !== NOVEMBER_2017_TO_EVENTS_ABROAD || sum(UNIVA) !== NOVEMBER_2017_TO_EVENTS_MEXICO) {
    throw new Error("materials seed: the shipments to events do not add up to the report's totals");
  }
  const coordinator = await db.user.findUnique({ where: { email: "coordinacion@alcance.test" }, select: { id: true } });
  const actor = { userId: coordinator?.id ?? null, ip: null };
  let materials = 0;
  for (const m of SEED_MATERIALS) {
    const exists = await db.material.findUnique({ where: { code: m.code }, select: { id: true, name: true } });
    if (exists) {
      if (m.formerly && exists.name === m.formerly) await db.material.update({ where: { id: exists.id }, data: { name: m.name } });
      continue;
    }
    await db.material.create({ data: { code: m.code, name: m.name, kind: m.kind, audience: m.audience, language: "es", unit: "pieza", lowStockThreshold: m.threshold } });
    materials += 1;
  }
  const ids = new Map((await db.material.findMany({ where: { code: { in: SEED_MATERIALS.map((m) => m.code) } }, select: { id: true, code: true } })).map((m) => [m.code, m.id]));
  const id = (code: string) => ids.get(code)!;

  await db.location.upsert({ where: { id: WAREHOUSE_ID }, update: {}, create: { id: WAREHOUSE_ID, name: "Bodega central (Ciudad de México)", kind: "WAREHOUSE", country: "MX", state: "Ciudad de México", city: "Ciudad de México" } });
  await db.location.upsert({ where: { id: CONSULAR_NETWORK_ID }, update: {}, create: { id: CONSULAR_NETWORK_ID, name: "Red consular de la SRE (Dirección General de Servicios Consulares)", kind: "FOREIGN_SERVICE_POST", country: "MX", city: "Ciudad de México" } });

  let receipts = 0;
  for (const m of SEED_MATERIALS) {
    const done = await db.stockMovement.findFirst({ where: { materialId: id(m.code), kind: "RECEIPT", orderRef: m.orderRef }, select: { id: true } });
    if (done) continue;
    await recordMovement(actor, { kind: "RECEIPT", materialId: id(m.code), toLocationId: WAREHOUSE_ID, quantity: m.received, supplier: SUPPLIER, orderRef: m.orderRef, occurredAt: new Date("2017-10-16T17:00:00Z") }, new Date("2017-10-16T17:00:00Z"));
    receipts += 1;
  }

  let shipments = 0;
  let skipped = 0;
  for (const s of SEED_SHIPMENTS) {
    let destination: Destination;
    if ("eventId" in s.destination) {
      if (!(await db.event.findUnique({ where: { id: s.destination.eventId }, select: { id: true } }))) {
        skipped += 1;
        continue;
      }
      destination = { kind: "event", eventId: s.destination.eventId };
    } else if ("partnerName" in s.destination) {
      const partner = await db.partner.findFirst({ where: { name: s.destination.partnerName }, select: { id: true } });
      if (!partner) {
        skipped += 1;
        continue;
      }
      destination = { kind: "partner", partnerId: partner.id };
    } else destination = { kind: "location", locationId: s.destination.locationId };
    let shipment = await db.shipment.findFirst({ where: { fromLocationId: WAREHOUSE_ID, notes: s.note }, select: { id: true, status: true } });
    if (!shipment) {
      const created = await createShipment(actor, { fromLocationId: WAREHOUSE_ID, destination, lines: s.lines.map(([code, quantity]) => ({ materialId: id(code), quantity })), carrier: s.carrier, trackingRef: s.trackingRef, notes: s.note }, new Date(s.requested));
      shipment = { id: created.id, status: created.status };
      shipments += 1;
    }
    if (shipment.status === "REQUESTED") await prepareShipment(actor, shipment.id, new Date(Date.parse(s.requested) + 86_400_000));
    if (shipment.status === "REQUESTED" || shipment.status === "PREPARED") await shipShipment(actor, shipment.id, {}, new Date(s.shipped));
    if (shipment.status !== "RECEIVED" && shipment.status !== "CANCELLED") await receiveShipment(actor, shipment.id, {}, new Date(s.received));
  }

  let handouts = 0;
  for (const h of SEED_HANDOUTS) {
    const event = await db.event.findUnique({ where: { id: h.eventId }, select: { id: true, startsAt: true } });
    if (!event) continue;
    const result = await inTx(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Event" WHERE id = ${event.id} FOR UPDATE`;
      return setEventHandouts(tx, actor, event.id, h.lines.map(([code, quantity]) => ({ materialId: id(code), quantity })), event.startsAt, event.startsAt);
    });
    if (result.changed) handouts += 1;
  }
  return `materials: ${materials} materials created, ${receipts} receipts, ${shipments} shipments created${skipped ? ` (${skipped} skipped: destination missing)` : ""}, hand-outs set at ${handouts} events`;
}
