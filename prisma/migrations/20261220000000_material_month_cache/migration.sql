-- CreateTable
CREATE TABLE "MaterialMonthTotals" (
    "month" TEXT NOT NULL,
    "totals" JSONB NOT NULL,
    "changes" INTEGER NOT NULL,
    "computedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MaterialMonthTotals_pkey" PRIMARY KEY ("month")
);

-- CreateTable
CREATE TABLE "MaterialMonthChange" (
    "id" BIGSERIAL NOT NULL,
    "month" TEXT NOT NULL,

    CONSTRAINT "MaterialMonthChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MaterialMonthChange_month_idx" ON "MaterialMonthChange"("month");


-- The months a change moves (decision 037): each stamp's UTC month two days either side, which holds
-- its office-local month and an event's local month whatever the zone. '*' is every month.
CREATE OR REPLACE FUNCTION material_months_changed(stamps timestamptz[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "MaterialMonthChange" ("month")
  SELECT DISTINCT to_char((t AT TIME ZONE 'UTC') + d * interval '2 days', 'YYYY-MM')
  FROM unnest(stamps) t, (VALUES (-1), (1)) v(d)
  WHERE t IS NOT NULL;
$$;

-- A ledger insert moves the months of its rows, of the events whose locations they enter or leave,
-- and of the movements they reverse (and those movements' events).
CREATE OR REPLACE FUNCTION material_months_ledger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM material_months_changed(ARRAY(
    SELECT s FROM (
      SELECT n."occurredAt" AS s FROM new_rows n
      UNION SELECT r."occurredAt" FROM new_rows n JOIN "StockMovement" r ON r.id = n."reversesId"
      UNION SELECT e."startsAt" FROM new_rows n
        LEFT JOIN "StockMovement" r ON r.id = n."reversesId"
        JOIN "Location" l ON l.id IN (n."toLocationId", n."fromLocationId", r."toLocationId", r."fromLocationId")
        JOIN "Event" e ON e.id = l."eventId"
    ) x));
  RETURN NULL;
END $$;
CREATE TRIGGER "StockMovement_material_months" AFTER INSERT ON "StockMovement"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION material_months_ledger();

-- An event's date, zone, status or place (online or not, its country) moves its old and new months.
CREATE OR REPLACE FUNCTION material_months_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM material_months_changed(ARRAY(
    SELECT s FROM old_rows o JOIN new_rows n ON n.id = o.id, LATERAL (VALUES (o."startsAt"), (n."startsAt")) v(s)
    WHERE (o."startsAt", o."timeZone", o."status", o."kind", o."country", o."onlineUrl", o."venue")
      IS DISTINCT FROM (n."startsAt", n."timeZone", n."status", n."kind", n."country", n."onlineUrl", n."venue")));
  RETURN NULL;
END $$;
CREATE TRIGGER "Event_material_months" AFTER UPDATE ON "Event"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION material_months_event();

-- A location's kind or event, a material's kind, the office's zone: rare, and they move every month.
CREATE OR REPLACE FUNCTION material_months_all() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  moved boolean;
BEGIN
  -- One branch per table: each query names its own table's columns (plpgsql plans a branch when it runs).
  IF TG_TABLE_NAME = 'Location' THEN
    moved := EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE (o."kind", o."eventId") IS DISTINCT FROM (n."kind", n."eventId"));
  ELSIF TG_TABLE_NAME = 'Material' THEN
    moved := EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o."kind" IS DISTINCT FROM n."kind");
  ELSE
    moved := EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o."timeZone" IS DISTINCT FROM n."timeZone");
  END IF;
  IF moved THEN
    INSERT INTO "MaterialMonthChange" ("month") VALUES ('*');
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "Location_material_months" AFTER UPDATE ON "Location"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION material_months_all();
CREATE TRIGGER "Material_material_months" AFTER UPDATE ON "Material"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION material_months_all();
CREATE TRIGGER "Settings_material_months" AFTER UPDATE ON "Settings"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION material_months_all();
