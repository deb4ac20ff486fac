-- Materials issue: the ledger becomes the only source of an event's hand-outs.
-- The hand-typed EventHandout rows (free-text item + quantity) become materials (matched by name,
-- accent- and case-blind, or created) and ledger movements; then the table goes.
-- See docs/decisions/014-materials.md.

-- The final destination of what was given away (one for the whole office; fixed id).
INSERT INTO "Location" ("id", "name", "kind")
VALUES ('loc-handed-out', 'Entregado al público', 'HANDED_OUT')
ON CONFLICT ("id") DO NOTHING;

-- An event is a location while it runs.
INSERT INTO "Location" ("id", "name", "kind", "eventId", "country", "state", "city")
SELECT 'loc-event-' || e."id", left(e."name", 200), 'EVENT', e."id", e."country", e."state", e."city"
FROM "Event" e
WHERE EXISTS (SELECT 1 FROM "EventHandout" h WHERE h."eventId" = e."id")
ON CONFLICT DO NOTHING;

-- The hand-outs, merged per event and item (the same item typed twice is one row).
CREATE TEMP TABLE migrated_handout ON COMMIT DROP AS
SELECT h."eventId", search_text(h."item") AS "key", min(h."item") AS "item", sum(h."quantity")::int AS "quantity"
FROM "EventHandout" h
WHERE h."quantity" > 0
GROUP BY h."eventId", search_text(h."item");

-- Items with no material of that name become materials, their kind guessed from the name.
INSERT INTO "Material" ("id", "code", "name", "kind", "unit", "updatedAt")
SELECT 'mat-ev-' || substr(md5(m."key"), 1, 16),
       'EV-' || upper(substr(md5(m."key"), 1, 8)),
       m."item",
       (CASE
          WHEN m."key" ~ '(diptico|triptico|volante|folleto informativo)' THEN 'LEAFLET'
          WHEN m."key" ~ '(cartel|poster)' THEN 'POSTER'
          WHEN m."key" ~ 'postal' THEN 'POSTCARD'
          WHEN m."key" ~ '(cuadernillo|folleto|librito)' THEN 'BOOKLET'
          WHEN m."key" ~ 'credencial' THEN 'SAMPLE_ID_CARD'
          WHEN m."key" ~ '(boton|pin)' THEN 'BUTTON'
          WHEN m."key" ~ '(lapiz|lapices|pluma|boligrafo)' THEN 'PENCIL'
          WHEN m."key" ~ '(lona|display|banner|manta)' THEN 'DISPLAY'
          ELSE 'OTHER'
        END)::"MaterialKind",
       'pieza',
       CURRENT_TIMESTAMP
FROM (SELECT "key", min("item") AS "item" FROM migrated_handout GROUP BY "key") m
WHERE NOT EXISTS (SELECT 1 FROM "Material" x WHERE search_text(x."name") = m."key")
ON CONFLICT DO NOTHING;

-- Stock that never arrived through a shipment: it is first recorded as reaching the event
-- (an ADJUSTMENT with a reason), then handed out from there.
INSERT INTO "StockMovement" ("materialId", "kind", "fromLocationId", "toLocationId", "quantity", "occurredAt", "eventId", "reason", "createdById")
SELECT (SELECT x."id" FROM "Material" x WHERE search_text(x."name") = h."key" ORDER BY x."createdAt", x."id" LIMIT 1),
       'ADJUSTMENT', NULL, 'loc-event-' || h."eventId", h."quantity", e."startsAt", h."eventId",
       'Sin envío registrado: entregado en el evento (capturado a mano antes del inventario)', e."outcomesRecordedById"
FROM migrated_handout h JOIN "Event" e ON e."id" = h."eventId"
ORDER BY e."startsAt", h."eventId", h."key";

INSERT INTO "StockMovement" ("materialId", "kind", "fromLocationId", "toLocationId", "quantity", "occurredAt", "eventId", "createdById")
SELECT (SELECT x."id" FROM "Material" x WHERE search_text(x."name") = h."key" ORDER BY x."createdAt", x."id" LIMIT 1),
       'HANDOUT', 'loc-event-' || h."eventId", 'loc-handed-out', h."quantity", e."startsAt", h."eventId", e."outcomesRecordedById"
FROM migrated_handout h JOIN "Event" e ON e."id" = h."eventId"
ORDER BY e."startsAt", h."eventId", h."key";

-- Stock levels in step with the ledger: the event's location is back to zero, the hand-outs
-- are at the final destination.
INSERT INTO "StockLevel" ("materialId", "locationId", "quantity")
SELECT (SELECT x."id" FROM "Material" x WHERE search_text(x."name") = h."key" ORDER BY x."createdAt", x."id" LIMIT 1), 'loc-handed-out', sum(h."quantity")::int
FROM migrated_handout h
GROUP BY 1
ON CONFLICT ("materialId", "locationId") DO UPDATE SET "quantity" = "StockLevel"."quantity" + EXCLUDED."quantity";

-- Hand-outs are recorded in the ledger only from now on.
DROP TABLE "EventHandout";

-- Movements by kind and time (figures per month).
CREATE INDEX "StockMovement_kind_occurredAt_idx" ON "StockMovement"("kind", "occurredAt");
-- Shipments from a location (a location's page).
CREATE INDEX "Shipment_fromLocationId_idx" ON "Shipment"("fromLocationId");
