/**
 * The ledger: every change of stock is an append-only StockMovement, and StockLevel (stock per
 * material and location) is changed in the same transaction as the movement that explains it.
 *
 * Never negative, under any concurrency: stock leaves a location with one conditional
 * `UPDATE … SET quantity = quantity - n WHERE … AND quantity >= n`. PostgreSQL takes the row's
 * lock and re-checks the condition against the latest committed row, so of twenty transactions
 * drawing on the same stock, those that would take more than there is update no row and are
 * refused (the CHECK (quantity >= 0) is the backstop). Within a transaction, rows are touched in
 * material order, so two transactions never wait on each other in opposite orders. See
 * docs/decisions/014-materials.md.
 */
import type { MovementKind, StockMovement } from "~/generated/prisma/client";
import { db, type Prisma } from "~/lib/db.server";
import { audit, type AuditActor } from "~/modules/audit/index.server";
import { MaterialError } from "./errors";
import { eventLocationId, HANDED_OUT_LOCATION_ID, UNSHIPPED_PREFIX, UNSHIPPED_REASON } from "./fields";

export type Tx = Prisma.TransactionClient;

/**
 * A transaction that may wait for a connection: twenty shipments at once queue for the pool
 * instead of failing after Prisma's default two seconds.
 */
export function inTx<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(fn, { maxWait: 15_000, timeout: 20_000 });
}

export type MovementInput = {
  materialId: string;
  kind: MovementKind;
  fromLocationId?: string | null;
  toLocationId?: string | null;
  quantity: number;
  occurredAt?: Date;
  shipmentId?: string | null;
  eventId?: string | null;
  supplier?: string | null;
  orderRef?: string | null;
  reason?: string | null;
  reversesId?: bigint | null;
};

/** The stock of one material at one location (0 when it never held any). */
export async function stockAt(client: Pick<Tx, "stockLevel">, materialId: string, locationId: string): Promise<number> {
  const level = await client.stockLevel.findUnique({ where: { materialId_locationId: { materialId, locationId } }, select: { quantity: true } });
  return level?.quantity ?? 0;
}

async function take(tx: Tx, materialId: string, locationId: string, quantity: number): Promise<void> {
  const rows = await tx.$queryRaw<Array<{ quantity: number }>>`
    UPDATE "StockLevel" SET "quantity" = "quantity" - ${quantity}
    WHERE "materialId" = ${materialId} AND "locationId" = ${locationId} AND "quantity" >= ${quantity}
    RETURNING "quantity"`;
  if (rows.length === 0) {
    throw new MaterialError("insufficientStock", { materialId, locationId, requested: quantity, available: await stockAt(tx, materialId, locationId) });
  }
}

async function put(tx: Tx, materialId: string, locationId: string, quantity: number): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "StockLevel" ("materialId", "locationId", "quantity") VALUES (${materialId}, ${locationId}, ${quantity})
    ON CONFLICT ("materialId", "locationId") DO UPDATE SET "quantity" = "StockLevel"."quantity" + EXCLUDED."quantity"`;
}

/**
 * Appends movements and moves the stock they describe, inside the caller's transaction. The
 * movements are applied in material order (stable, so one material's movements keep their order).
 * Throws MaterialError("insufficientStock") when a location does not hold enough.
 */
export async function applyMovements(tx: Tx, actor: AuditActor, inputs: readonly MovementInput[], now = new Date()): Promise<StockMovement[]> {
  const ordered = inputs.map((m, i) => ({ m, i })).sort((a, b) => (a.m.materialId < b.m.materialId ? -1 : a.m.materialId > b.m.materialId ? 1 : a.i - b.i));
  const out: StockMovement[] = [];
  for (const { m } of ordered) {
    if (!Number.isInteger(m.quantity) || m.quantity <= 0) throw new RangeError(`quantity must be a positive whole number, got ${m.quantity}`);
    if (m.fromLocationId) await take(tx, m.materialId, m.fromLocationId, m.quantity);
    if (m.toLocationId) await put(tx, m.materialId, m.toLocationId, m.quantity);
    out.push(
      await tx.stockMovement.create({
        data: {
          materialId: m.materialId,
          kind: m.kind,
          fromLocationId: m.fromLocationId ?? null,
          toLocationId: m.toLocationId ?? null,
          quantity: m.quantity,
          occurredAt: m.occurredAt ?? now,
          shipmentId: m.shipmentId ?? null,
          eventId: m.eventId ?? null,
          supplier: m.supplier ?? null,
          orderRef: m.orderRef ?? null,
          reason: m.reason ?? null,
          reversesId: m.reversesId ?? null,
          createdById: actor.userId,
        },
      }),
    );
  }
  return out;
}

export function movementSnapshot(m: StockMovement) {
  return {
    id: m.id.toString(),
    materialId: m.materialId,
    kind: m.kind,
    from: m.fromLocationId,
    to: m.toLocationId,
    quantity: m.quantity,
    occurredAt: m.occurredAt.toISOString(),
    shipmentId: m.shipmentId,
    eventId: m.eventId,
    supplier: m.supplier,
    orderRef: m.orderRef,
    reason: m.reason,
    reverses: m.reversesId?.toString() ?? null,
  };
}

async function assertMaterial(tx: Tx, materialId: string, needActive = true) {
  const material = await tx.material.findUnique({ where: { id: materialId }, select: { id: true, active: true } });
  if (!material) throw new MaterialError("notFound");
  if (needActive && !material.active) throw new MaterialError("inactive");
}

async function assertLocation(tx: Tx, locationId: string, kinds?: readonly string[]) {
  const location = await tx.location.findUnique({ where: { id: locationId }, select: { id: true, kind: true } });
  if (!location || (kinds && !kinds.includes(location.kind))) throw new MaterialError("locationNotFound");
  return location;
}

// ── Movements staff record by hand ──────────────────────────────────────────────────────────────

export type ManualMovement =
  | { kind: "RECEIPT"; materialId: string; toLocationId: string; quantity: number; supplier: string; orderRef: string | null; occurredAt?: Date; reason?: string | null }
  | { kind: "TRANSFER"; materialId: string; fromLocationId: string; toLocationId: string; quantity: number; occurredAt?: Date; reason?: string | null }
  | { kind: "RETURN"; materialId: string; fromLocationId: string; toLocationId: string; quantity: number; occurredAt?: Date; reason?: string | null }
  | { kind: "ADJUSTMENT"; materialId: string; locationId: string; delta: number; reason: string; occurredAt?: Date }
  | { kind: "LOSS"; materialId: string; fromLocationId: string; quantity: number; reason: string; occurredAt?: Date };

const STOCK_KINDS = ["WAREHOUSE", "FOREIGN_SERVICE_POST", "PARTNER_OFFICE", "EVENT"] as const;

/** Records one movement typed by staff (audited as "material.movement"). */
export async function recordMovement(actor: AuditActor, input: ManualMovement, now = new Date()): Promise<StockMovement> {
  return inTx(async (tx) => {
    await assertMaterial(tx, input.materialId, input.kind === "RECEIPT");
    let movement: MovementInput;
    switch (input.kind) {
      case "RECEIPT":
        await assertLocation(tx, input.toLocationId, STOCK_KINDS);
        movement = { ...input, fromLocationId: null };
        break;
      case "TRANSFER":
      case "RETURN":
        if (input.fromLocationId === input.toLocationId) throw new MaterialError("sameLocation");
        await assertLocation(tx, input.fromLocationId, STOCK_KINDS);
        await assertLocation(tx, input.toLocationId, STOCK_KINDS);
        movement = input;
        break;
      case "ADJUSTMENT":
        await assertLocation(tx, input.locationId, STOCK_KINDS);
        movement = {
          materialId: input.materialId,
          kind: "ADJUSTMENT",
          fromLocationId: input.delta < 0 ? input.locationId : null,
          toLocationId: input.delta > 0 ? input.locationId : null,
          quantity: Math.abs(input.delta),
          reason: input.reason,
          occurredAt: input.occurredAt,
        };
        break;
      case "LOSS":
        await assertLocation(tx, input.fromLocationId, STOCK_KINDS);
        movement = { ...input, toLocationId: null };
        break;
    }
    const [created] = await applyMovements(tx, actor, [movement], now);
    await audit(actor, { action: "material.movement", entity: "material", entityId: input.materialId, after: movementSnapshot(created!) }, tx);
    return created!;
  });
}

/**
 * Corrects a mistake: a REVERSAL that moves the same quantity back (from where the movement put
 * it to where it took it from) and points to it. A movement is reversed at most once (unique
 * reversesId); reversals and a shipment's own movements are not reversible here (a shipment is
 * corrected by its own steps).
 */
export async function reverseMovement(actor: AuditActor, movementId: bigint, reason: string, now = new Date()): Promise<StockMovement> {
  return inTx(async (tx) => {
    const rows = await tx.$queryRaw<Array<{ id: bigint }>>`SELECT id FROM "StockMovement" WHERE id = ${movementId} FOR UPDATE`;
    if (rows.length === 0) throw new MaterialError("movementNotFound");
    const original = await tx.stockMovement.findUniqueOrThrow({ where: { id: movementId }, include: { reversedBy: { select: { id: true } } } });
    if (original.reversedBy) throw new MaterialError("alreadyReversed");
    if (original.kind === "REVERSAL" || original.shipmentId) throw new MaterialError("notReversible");
    const [reversal] = await applyMovements(
      tx,
      actor,
      [
        {
          materialId: original.materialId,
          kind: "REVERSAL",
          fromLocationId: original.toLocationId,
          toLocationId: original.fromLocationId,
          quantity: original.quantity,
          eventId: original.eventId,
          reason,
          reversesId: original.id,
        },
      ],
      now,
    );
    await audit(actor, { action: "material.reverse", entity: "material", entityId: original.materialId, before: movementSnapshot(original), after: movementSnapshot(reversal!) }, tx);
    return reversal!;
  });
}

// ── Events as locations, and their hand-outs ────────────────────────────────────────────────────

export async function ensureHandedOutLocation(tx: Tx): Promise<string> {
  await tx.$executeRaw`INSERT INTO "Location" ("id", "name", "kind") VALUES (${HANDED_OUT_LOCATION_ID}, 'Entregado al público', 'HANDED_OUT') ON CONFLICT ("id") DO NOTHING`;
  return HANDED_OUT_LOCATION_ID;
}

/** The event's location (made on first use, named and placed like the event). */
export async function ensureEventLocation(tx: Tx, eventId: string): Promise<string> {
  const existing = await tx.location.findUnique({ where: { eventId }, select: { id: true } });
  if (existing) return existing.id;
  const event = await tx.event.findUnique({ where: { id: eventId }, select: { name: true, country: true, state: true, city: true } });
  if (!event) throw new MaterialError("locationNotFound");
  await tx.$executeRaw`
    INSERT INTO "Location" ("id", "name", "kind", "eventId", "country", "state", "city")
    VALUES (${eventLocationId(eventId)}, ${event.name.slice(0, 200)}, 'EVENT', ${eventId}, ${event.country}, ${event.state}, ${event.city})
    ON CONFLICT DO NOTHING`;
  const location = await tx.location.findUnique({ where: { eventId }, select: { id: true } });
  if (!location) throw new MaterialError("locationNotFound");
  return location.id;
}

export type EventHandout = { materialId: string; code: string; name: string; kind: string; quantity: number };

/** What was handed out at an event, per material (hand-outs not reversed), by name. */
export async function eventHandouts(eventId: string, client: Pick<Tx, "$queryRaw"> = db): Promise<EventHandout[]> {
  return client.$queryRaw<EventHandout[]>`
    SELECT m.id AS "materialId", m."code", m."name", m."kind"::text AS "kind", sum(s."quantity")::int AS "quantity"
    FROM "StockMovement" s JOIN "Material" m ON m.id = s."materialId"
    WHERE s."eventId" = ${eventId} AND s."kind" = 'HANDOUT'
      AND NOT EXISTS (SELECT 1 FROM "StockMovement" r WHERE r."reversesId" = s.id)
    GROUP BY m.id ORDER BY m."name", m.id`;
}

/**
 * Sets what was handed out at an event to `target` (per material; a material left out goes to
 * zero), in the caller's transaction (the caller holds the event's lock). More than before: a
 * HANDOUT from the event's location to HANDED_OUT for the difference — and when the event's
 * location does not hold that much (the stock never arrived through a shipment), an ADJUSTMENT
 * bringing the shortfall in first, with UNSHIPPED_REASON. Less than before: the newest hand-outs
 * are reversed until the total is at most the target, then the rest is handed out again; and the
 * stock that had been brought in only to be handed out goes away with them (its ADJUSTMENTs are
 * reversed, or replaced by a smaller one), so what never existed does not linger at the event.
 */
export async function setEventHandouts(
  tx: Tx,
  actor: AuditActor,
  eventId: string,
  target: ReadonlyArray<{ materialId: string; quantity: number }>,
  occurredAt: Date,
  now = new Date(),
): Promise<{ changed: boolean; movements: StockMovement[] }> {
  const current = new Map((await eventHandouts(eventId, tx)).map((h) => [h.materialId, h.quantity]));
  const wanted = new Map<string, number>();
  for (const t of target) wanted.set(t.materialId, (wanted.get(t.materialId) ?? 0) + t.quantity);
  // Stock brought in for hand-outs that are no longer recorded (e.g. left by an older correction).
  const stale = new Set(
    (
      await tx.$queryRaw<Array<{ materialId: string }>>`
        SELECT DISTINCT a."materialId" FROM "StockMovement" a
        WHERE a."eventId" = ${eventId} AND a."kind" = 'ADJUSTMENT' AND a."reason" LIKE ${`${UNSHIPPED_PREFIX}%`}
          AND NOT EXISTS (SELECT 1 FROM "StockMovement" r WHERE r."reversesId" = a.id)`
    )
      .map((r) => r.materialId)
      .filter((id) => !current.has(id) && !wanted.get(id)),
  );
  const materialIds = [...new Set([...current.keys(), ...wanted.keys(), ...stale])].sort();
  if (stale.size === 0 && materialIds.every((id) => (current.get(id) ?? 0) === (wanted.get(id) ?? 0))) return { changed: false, movements: [] };
  const found = await tx.material.count({ where: { id: { in: [...wanted.keys()] } } });
  if (found !== wanted.size) throw new MaterialError("notFound");
  const locationId = await ensureEventLocation(tx, eventId);
  const handedOutId = await ensureHandedOutLocation(tx);
  const movements: StockMovement[] = [];
  for (const materialId of materialIds) {
    let net = current.get(materialId) ?? 0;
    const want = wanted.get(materialId) ?? 0;
    if (net === want && !stale.has(materialId)) continue;
    if (want < net) {
      const handouts = await tx.stockMovement.findMany({
        where: { eventId, materialId, kind: "HANDOUT", reversedBy: null },
        orderBy: { id: "desc" },
      });
      for (const h of handouts) {
        if (net <= want) break;
        movements.push(
          ...(await applyMovements(
            tx,
            actor,
            [{ materialId, kind: "REVERSAL", fromLocationId: h.toLocationId, toLocationId: h.fromLocationId, quantity: h.quantity, eventId, reason: "Corrección de lo entregado en el evento", reversesId: h.id }],
            now,
          )),
        );
        net -= h.quantity;
      }
    }
    if (want > net) {
      const need = want - net;
      await tx.$queryRaw`SELECT 1 FROM "StockLevel" WHERE "materialId" = ${materialId} AND "locationId" = ${locationId} FOR UPDATE`;
      const shortfall = Math.max(0, need - (await stockAt(tx, materialId, locationId)));
      const batch: MovementInput[] = [];
      if (shortfall > 0) batch.push({ materialId, kind: "ADJUSTMENT", toLocationId: locationId, quantity: shortfall, eventId, occurredAt, reason: UNSHIPPED_REASON });
      batch.push({ materialId, kind: "HANDOUT", fromLocationId: locationId, toLocationId: handedOutId, quantity: need, eventId, occurredAt });
      movements.push(...(await applyMovements(tx, actor, batch, now)));
    }
    if (want < (current.get(materialId) ?? 0) || stale.has(materialId)) movements.push(...(await dropUnneededUnshipped(tx, actor, eventId, materialId, locationId, want, occurredAt, now)));
  }
  return { changed: true, movements };
}

/**
 * At the event's location, stock = A + U - H (A: everything else that came in net, U: unshipped
 * ADJUSTMENTs not reversed, H: hand-outs not reversed). Only max(0, H - A) of U is needed; the
 * rest is reversed, newest first (a partly needed one is replaced by a smaller one first, so the
 * level never dips below zero).
 */
async function dropUnneededUnshipped(tx: Tx, actor: AuditActor, eventId: string, materialId: string, locationId: string, handedOut: number, occurredAt: Date, now: Date): Promise<StockMovement[]> {
  const adjustments = await tx.stockMovement.findMany({
    where: { eventId, materialId, kind: "ADJUSTMENT", toLocationId: locationId, reason: { startsWith: UNSHIPPED_PREFIX }, reversedBy: null },
    orderBy: { id: "desc" },
  });
  const unshipped = adjustments.reduce((s, a) => s + a.quantity, 0);
  if (unshipped === 0) return [];
  const level = await stockAt(tx, materialId, locationId);
  const other = level - unshipped + handedOut;
  let excess = unshipped - Math.max(0, handedOut - other);
  const out: StockMovement[] = [];
  for (const a of adjustments) {
    if (excess <= 0) break;
    const batch: MovementInput[] = [];
    if (a.quantity > excess) batch.push({ materialId, kind: "ADJUSTMENT", toLocationId: locationId, quantity: a.quantity - excess, eventId, occurredAt, reason: UNSHIPPED_REASON });
    batch.push({ materialId, kind: "REVERSAL", fromLocationId: locationId, toLocationId: null, quantity: a.quantity, eventId, reason: "Corrección de lo entregado en el evento", reversesId: a.id });
    out.push(...(await applyMovements(tx, actor, batch, now)));
    excess -= a.quantity;
  }
  return out;
}

// ── An event's materials ────────────────────────────────────────────────────────────────────────

export type EventMaterialRow = {
  materialId: string;
  code: string;
  name: string;
  requested: number;
  arrived: number;
  unshipped: number;
  handedOut: number;
  returned: number;
  onHand: number;
};

/**
 * Per material: requested (lines of the event's shipments not cancelled), arrived (received
 * through them), brought without a shipment (hand-outs' ADJUSTMENTs), handed out, came back
 * (RETURNs from the event's location) and still there.
 */
export async function eventMaterials(eventId: string): Promise<EventMaterialRow[]> {
  const location = await db.location.findUnique({ where: { eventId }, select: { id: true } });
  const loc = location?.id ?? "";
  return db.$queryRaw<EventMaterialRow[]>`
    WITH requested AS (
      SELECT l."materialId", sum(l."quantity")::int AS q FROM "ShipmentLine" l JOIN "Shipment" s ON s.id = l."shipmentId"
      WHERE s."eventId" = ${eventId} AND s."status" <> 'CANCELLED' GROUP BY l."materialId"
    ), moved AS (
      SELECT s."materialId",
        sum(CASE WHEN s."kind" = 'TRANSFER' AND s."toLocationId" = ${loc} THEN s."quantity" ELSE 0 END)::int AS arrived,
        sum(CASE WHEN s."kind" = 'ADJUSTMENT' AND s."toLocationId" = ${loc} AND s."reason" LIKE ${`${UNSHIPPED_PREFIX}%`} THEN s."quantity" ELSE 0 END)::int AS unshipped,
        sum(CASE WHEN s."kind" = 'HANDOUT' THEN s."quantity" ELSE 0 END)::int AS "handedOut",
        sum(CASE WHEN s."kind" = 'RETURN' AND s."fromLocationId" = ${loc} THEN s."quantity" ELSE 0 END)::int AS returned
      FROM "StockMovement" s
      WHERE (s."eventId" = ${eventId} OR s."toLocationId" = ${loc} OR s."fromLocationId" = ${loc}) AND s."kind" <> 'REVERSAL'
        AND NOT EXISTS (SELECT 1 FROM "StockMovement" r WHERE r."reversesId" = s.id)
      GROUP BY s."materialId"
    ), ids AS (
      SELECT "materialId" FROM requested UNION SELECT "materialId" FROM moved
      UNION SELECT "materialId" FROM "StockLevel" WHERE "locationId" = ${loc} AND "quantity" > 0
    )
    SELECT m.id AS "materialId", m."code", m."name",
      coalesce(rq.q, 0) AS requested, coalesce(mv.arrived, 0) AS arrived, coalesce(mv.unshipped, 0) AS unshipped,
      coalesce(mv."handedOut", 0) AS "handedOut", coalesce(mv.returned, 0) AS returned,
      coalesce((SELECT sl."quantity" FROM "StockLevel" sl WHERE sl."materialId" = m.id AND sl."locationId" = ${loc}), 0) AS "onHand"
    FROM ids JOIN "Material" m ON m.id = ids."materialId"
    LEFT JOIN requested rq ON rq."materialId" = m.id
    LEFT JOIN moved mv ON mv."materialId" = m.id
    ORDER BY m."name", m.id`;
}
