/**
 * Shipments: requested → prepared → shipped → received, or cancelled before shipping. Stock leaves
 * the origin when the shipment ships (TRANSFER origin → in transit) and reaches the destination
 * when it is received (TRANSFER in transit → destination); what did not arrive is a LOSS with the
 * receiver's note. Lines can change only before shipping. Every step locks the shipment's row, so
 * a double click or two people cannot ship or receive it twice; every step is audited with who
 * did it and when.
 */
import type { Shipment, ShipmentStatus } from "~/generated/prisma/client";
import { db, Prisma } from "~/lib/db.server";
import { boundedCount, decodeCursor, encodeCursor, type ListCount } from "~/lib/paging.server";
import { audit, type AuditActor } from "~/modules/audit/index.server";
import { MaterialError } from "./errors";
import { applyMovements, ensureEventLocation, inTx, movementSnapshot, type MovementInput, type Tx } from "./ledger.server";
import { canMove, linesEditable } from "./status";

export { canMove, linesEditable, TRANSITIONS } from "./status";

export type ShipmentLineInput = { materialId: string; quantity: number };
export type Destination = { kind: "location"; locationId: string } | { kind: "event"; eventId: string } | { kind: "partner"; partnerId: string };
export type ShipmentInput = {
  fromLocationId: string;
  destination: Destination;
  lines: ShipmentLineInput[];
  carrier?: string | null;
  trackingRef?: string | null;
  notes?: string | null;
};

const SENDING_KINDS = ["WAREHOUSE", "FOREIGN_SERVICE_POST", "PARTNER_OFFICE"];

function mergeLines(lines: readonly ShipmentLineInput[]): ShipmentLineInput[] {
  const merged = new Map<string, number>();
  for (const l of lines) merged.set(l.materialId, (merged.get(l.materialId) ?? 0) + l.quantity);
  return [...merged].map(([materialId, quantity]) => ({ materialId, quantity })).sort((a, b) => (a.materialId < b.materialId ? -1 : 1));
}

async function assertMaterials(tx: Tx, lines: readonly ShipmentLineInput[]) {
  const found = await tx.material.count({ where: { id: { in: lines.map((l) => l.materialId) }, active: true } });
  if (found !== lines.length) throw new MaterialError("notFound");
}

/** The partner's office as a location (made on first use). */
async function ensurePartnerLocation(tx: Tx, partnerId: string): Promise<string> {
  const existing = await tx.location.findFirst({ where: { partnerId, kind: "PARTNER_OFFICE", active: true }, orderBy: { createdAt: "asc" }, select: { id: true } });
  if (existing) return existing.id;
  const partner = await tx.partner.findUnique({ where: { id: partnerId }, select: { name: true, country: true } });
  if (!partner) throw new MaterialError("locationNotFound");
  const created = await tx.location.create({ data: { name: partner.name.slice(0, 200), kind: "PARTNER_OFFICE", partnerId, country: partner.country ?? null } });
  return created.id;
}

async function resolveDestination(tx: Tx, destination: Destination): Promise<{ toLocationId: string; eventId: string | null; partnerId: string | null }> {
  switch (destination.kind) {
    case "event":
      return { toLocationId: await ensureEventLocation(tx, destination.eventId), eventId: destination.eventId, partnerId: null };
    case "partner":
      return { toLocationId: await ensurePartnerLocation(tx, destination.partnerId), eventId: null, partnerId: destination.partnerId };
    case "location": {
      const location = await tx.location.findUnique({ where: { id: destination.locationId }, select: { id: true, kind: true, eventId: true, partnerId: true } });
      if (!location || location.kind === "HANDED_OUT") throw new MaterialError("locationNotFound");
      return { toLocationId: location.id, eventId: location.eventId, partnerId: location.partnerId };
    }
  }
}

function shipmentSnapshot(s: Shipment, lines: readonly ShipmentLineInput[]) {
  return { number: s.number, status: s.status, from: s.fromLocationId, to: s.toLocationId, eventId: s.eventId, partnerId: s.partnerId, carrier: s.carrier, trackingRef: s.trackingRef, lines };
}

export async function createShipment(actor: AuditActor, input: ShipmentInput, now = new Date()): Promise<Shipment> {
  return inTx(async (tx) => {
    const from = await tx.location.findUnique({ where: { id: input.fromLocationId }, select: { kind: true } });
    if (!from || !SENDING_KINDS.includes(from.kind)) throw new MaterialError("locationNotFound");
    const to = await resolveDestination(tx, input.destination);
    if (to.toLocationId === input.fromLocationId) throw new MaterialError("sameLocation");
    const lines = mergeLines(input.lines);
    await assertMaterials(tx, lines);
    const shipment = await tx.shipment.create({
      data: {
        fromLocationId: input.fromLocationId,
        toLocationId: to.toLocationId,
        eventId: to.eventId,
        partnerId: to.partnerId,
        carrier: input.carrier ?? null,
        trackingRef: input.trackingRef ?? null,
        notes: input.notes ?? null,
        requestedAt: now,
        requestedById: actor.userId,
        lines: { create: lines },
      },
    });
    await audit(actor, { action: "shipment.create", entity: "shipment", entityId: shipment.id, after: shipmentSnapshot(shipment, lines) }, tx);
    return shipment;
  });
}

async function lockShipment(tx: Tx, id: string) {
  await tx.$queryRaw`SELECT id FROM "Shipment" WHERE id = ${id} FOR UPDATE`;
  const shipment = await tx.shipment.findUnique({ where: { id }, include: { lines: { orderBy: { materialId: "asc" } } } });
  if (!shipment) throw new MaterialError("shipmentNotFound");
  return shipment;
}

/** Replaces the lines (only while requested or prepared). */
export async function updateShipmentLines(actor: AuditActor, id: string, input: ShipmentLineInput[]): Promise<void> {
  await inTx(async (tx) => {
    const shipment = await lockShipment(tx, id);
    if (!linesEditable(shipment.status)) throw new MaterialError("linesLocked");
    const lines = mergeLines(input);
    await assertMaterials(tx, lines);
    await tx.shipmentLine.deleteMany({ where: { shipmentId: id } });
    await tx.shipmentLine.createMany({ data: lines.map((l) => ({ ...l, shipmentId: id })) });
    await tx.shipment.update({ where: { id }, data: { updatedAt: new Date() } });
    await audit(actor, { action: "shipment.lines", entity: "shipment", entityId: id, before: { lines: shipment.lines.map((l) => ({ materialId: l.materialId, quantity: l.quantity })) }, after: { lines } }, tx);
  });
}

export async function prepareShipment(actor: AuditActor, id: string, now = new Date()): Promise<void> {
  await inTx(async (tx) => {
    const shipment = await lockShipment(tx, id);
    if (!canMove(shipment.status, "PREPARED")) throw new MaterialError("badTransition");
    await tx.shipment.update({ where: { id }, data: { status: "PREPARED", preparedAt: now, preparedById: actor.userId } });
    await audit(actor, { action: "shipment.prepare", entity: "shipment", entityId: id, before: { status: shipment.status }, after: { status: "PREPARED" } }, tx);
  });
}

/** Ships: the stock leaves the origin now (refused, changing nothing, when it does not hold enough). */
export async function shipShipment(actor: AuditActor, id: string, details: { carrier?: string | null; trackingRef?: string | null } = {}, now = new Date()): Promise<void> {
  await inTx(async (tx) => {
    const shipment = await lockShipment(tx, id);
    if (!canMove(shipment.status, "SHIPPED")) throw new MaterialError("badTransition");
    const movements = await applyMovements(
      tx,
      actor,
      shipment.lines.map((l): MovementInput => ({ materialId: l.materialId, kind: "TRANSFER", fromLocationId: shipment.fromLocationId, toLocationId: null, quantity: l.quantity, shipmentId: id, eventId: shipment.eventId })),
      now,
    );
    const carrier = details.carrier ?? shipment.carrier;
    const trackingRef = details.trackingRef ?? shipment.trackingRef;
    await tx.shipment.update({ where: { id }, data: { status: "SHIPPED", shippedAt: now, shippedById: actor.userId, carrier, trackingRef } });
    await audit(actor, { action: "shipment.ship", entity: "shipment", entityId: id, before: { status: shipment.status }, after: { status: "SHIPPED", carrier, trackingRef, movements: movements.map((m) => m.id.toString()) } }, tx);
  });
}

/**
 * Receives: each line's received quantity (the shipped quantity when not given) reaches the
 * destination; the difference is a LOSS carrying the note, which is then required.
 */
export async function receiveShipment(actor: AuditActor, id: string, input: { received?: Record<string, number>; note?: string | null } = {}, now = new Date()): Promise<{ lost: number }> {
  return inTx(async (tx) => {
    const shipment = await lockShipment(tx, id);
    if (!canMove(shipment.status, "RECEIVED")) throw new MaterialError("badTransition");
    const batch: MovementInput[] = [];
    let lost = 0;
    const received = shipment.lines.map((l) => {
      const q = input.received?.[l.materialId] ?? l.quantity;
      if (!Number.isInteger(q) || q < 0 || q > l.quantity) throw new MaterialError("receivedTooMuch");
      if (q > 0) batch.push({ materialId: l.materialId, kind: "TRANSFER", fromLocationId: null, toLocationId: shipment.toLocationId, quantity: q, shipmentId: id, eventId: shipment.eventId });
      if (q < l.quantity) {
        lost += l.quantity - q;
        batch.push({ materialId: l.materialId, kind: "LOSS", fromLocationId: null, toLocationId: null, quantity: l.quantity - q, shipmentId: id, eventId: shipment.eventId, reason: input.note ?? null });
      }
      return { lineId: l.id, materialId: l.materialId, shipped: l.quantity, received: q };
    });
    if (lost > 0 && !input.note?.trim()) throw new MaterialError("lossNoteRequired");
    const movements = await applyMovements(tx, actor, batch, now);
    for (const r of received) await tx.shipmentLine.update({ where: { id: r.lineId }, data: { receivedQuantity: r.received } });
    await tx.shipment.update({ where: { id }, data: { status: "RECEIVED", receivedAt: now, receivedById: actor.userId } });
    await audit(
      actor,
      { action: "shipment.receive", entity: "shipment", entityId: id, before: { status: shipment.status }, after: { status: "RECEIVED", lines: received.map(({ lineId: _l, ...r }) => r), note: input.note ?? null, movements: movements.map(movementSnapshot) } },
      tx,
    );
    return { lost };
  });
}

export async function cancelShipment(actor: AuditActor, id: string, now = new Date()): Promise<void> {
  await inTx(async (tx) => {
    const shipment = await lockShipment(tx, id);
    if (!canMove(shipment.status, "CANCELLED")) throw new MaterialError("badTransition");
    await tx.shipment.update({ where: { id }, data: { status: "CANCELLED", cancelledAt: now, cancelledById: actor.userId } });
    await audit(actor, { action: "shipment.cancel", entity: "shipment", entityId: id, before: { status: shipment.status }, after: { status: "CANCELLED" } }, tx);
  });
}

// ── Reading ─────────────────────────────────────────────────────────────────────────────────────

const userName = (ids: Array<string | null>) =>
  db.user.findMany({ where: { id: { in: ids.filter((x): x is string => !!x) } }, select: { id: true, name: true } }).then((rows) => new Map(rows.map((u) => [u.id, u.name])));

/** One shipment with its lines, places, who did each step, and its movements. */
export async function getShipment(id: string) {
  const shipment = await db.shipment.findUnique({
    where: { id },
    include: {
      lines: { include: { material: { select: { id: true, code: true, name: true, unit: true, kind: true } } }, orderBy: { material: { name: "asc" } } },
      fromLocation: true,
      toLocation: true,
      movements: { orderBy: { id: "asc" } },
    },
  });
  if (!shipment) return null;
  const [names, event, partner] = await Promise.all([
    userName([shipment.requestedById, shipment.preparedById, shipment.shippedById, shipment.receivedById, shipment.cancelledById]),
    shipment.eventId ? db.event.findUnique({ where: { id: shipment.eventId }, select: { id: true, name: true, startsAt: true, timeZone: true } }) : null,
    shipment.partnerId ? db.partner.findUnique({ where: { id: shipment.partnerId }, select: { id: true, name: true } }) : null,
  ]);
  const who = (userId: string | null) => (userId ? (names.get(userId) ?? null) : null);
  return {
    shipment,
    event,
    partner,
    steps: [
      { step: "REQUESTED", at: shipment.requestedAt, by: who(shipment.requestedById) },
      { step: "PREPARED", at: shipment.preparedAt, by: who(shipment.preparedById) },
      { step: "SHIPPED", at: shipment.shippedAt, by: who(shipment.shippedById) },
      { step: "RECEIVED", at: shipment.receivedAt, by: who(shipment.receivedById) },
      { step: "CANCELLED", at: shipment.cancelledAt, by: who(shipment.cancelledById) },
    ] as const,
    totalQuantity: shipment.lines.reduce((s, l) => s + l.quantity, 0),
  };
}

export type ShipmentRow = {
  id: string;
  number: number;
  status: ShipmentStatus;
  requestedAt: Date;
  shippedAt: Date | null;
  receivedAt: Date | null;
  fromName: string;
  toName: string;
  items: number;
  lines: number;
};

export const SHIPMENT_PAGE_SIZE = 50;

/** Newest requests first, paged by key (requestedAt, id); optional status and event filters. */
export async function listShipments(filter: { status?: ShipmentStatus; eventId?: string; locationId?: string }, cursor: string | null | undefined, take = SHIPMENT_PAGE_SIZE): Promise<{ rows: ShipmentRow[]; nextCursor: string | null; count: ListCount }> {
  const parts: Prisma.Sql[] = [];
  if (filter.status) parts.push(Prisma.sql`s."status" = ${filter.status}::"ShipmentStatus"`);
  if (filter.eventId) parts.push(Prisma.sql`s."eventId" = ${filter.eventId}`);
  if (filter.locationId) parts.push(Prisma.sql`(s."fromLocationId" = ${filter.locationId} OR s."toLocationId" = ${filter.locationId})`);
  const where = parts.length ? Prisma.join(parts, " AND ") : Prisma.sql`TRUE`;
  const values = decodeCursor(cursor, 2);
  const after = values && typeof values[0] === "string" && typeof values[1] === "string" && !Number.isNaN(Date.parse(values[0])) ? Prisma.sql`AND (s."requestedAt", s.id) < (${new Date(values[0])}, ${values[1]})` : Prisma.empty;
  const [rows, count] = await Promise.all([
    db.$queryRaw<ShipmentRow[]>`
      SELECT s.id, s."number", s."status", s."requestedAt", s."shippedAt", s."receivedAt", f."name" AS "fromName", t."name" AS "toName",
        (SELECT coalesce(sum(l."quantity"), 0)::int FROM "ShipmentLine" l WHERE l."shipmentId" = s.id) AS items,
        (SELECT count(*)::int FROM "ShipmentLine" l WHERE l."shipmentId" = s.id) AS lines
      FROM "Shipment" s JOIN "Location" f ON f.id = s."fromLocationId" JOIN "Location" t ON t.id = s."toLocationId"
      WHERE ${where} ${after}
      ORDER BY s."requestedAt" DESC, s.id DESC LIMIT ${take + 1}`,
    boundedCount(Prisma.sql`"Shipment" s`, where),
  ]);
  const page = rows.slice(0, take);
  const last = page[page.length - 1];
  return { rows: page, nextCursor: rows.length > take && last ? encodeCursor([last.requestedAt.toISOString(), last.id]) : null, count };
}

/**
 * What the new-shipment form opens with: the first active warehouse as the origin, and the event
 * asked for (?eventId, «Pedir materiales para este evento») when it exists. Everything else is
 * searched with the pickers (/materials/locations/options, /events/options, /partners/options).
 */
export async function newShipmentDefaults(eventId: string | null) {
  const [origin, event] = await Promise.all([
    db.location.findFirst({ where: { active: true, kind: "WAREHOUSE" }, select: { id: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }] }),
    eventId ? db.event.findUnique({ where: { id: eventId }, select: { id: true, name: true, startsAt: true } }) : Promise.resolve(null),
  ]);
  return { origin, event: event ? { id: event.id, name: `${event.name} · ${event.startsAt.toISOString().slice(0, 10)}` } : null };
}
