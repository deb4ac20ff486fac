-- Prisma 6.19.3's Wasm schema engine crashes ("RuntimeError: unreachable") when it introspects a
-- CHECK constraint, so `prisma migrate dev` stopped working once the materials migration added
-- three (decision 002). The same rules, enforced by triggers with the same names, the same SQLSTATE
-- (23514 check_violation) and the same message shape; triggers are introspected fine.
ALTER TABLE "StockLevel" DROP CONSTRAINT "StockLevel_quantity_nonnegative";
ALTER TABLE "StockMovement" DROP CONSTRAINT "StockMovement_quantity_positive";
ALTER TABLE "ShipmentLine" DROP CONSTRAINT "ShipmentLine_quantity_positive";

-- TG_ARGV[0]: the rule's name; TG_ARGV[1]: 'nonnegative' (>= 0) or 'positive' (> 0).
CREATE OR REPLACE FUNCTION quantity_guard() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF (TG_ARGV[1] = 'nonnegative' AND NEW."quantity" < 0) OR (TG_ARGV[1] = 'positive' AND NEW."quantity" <= 0) THEN
    RAISE EXCEPTION USING
      ERRCODE = 'check_violation',
      MESSAGE = format('new row for relation "%s" violates check constraint "%s"', TG_TABLE_NAME, TG_ARGV[0]);
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "StockLevel_quantity_nonnegative" BEFORE INSERT OR UPDATE OF "quantity" ON "StockLevel"
  FOR EACH ROW EXECUTE FUNCTION quantity_guard('StockLevel_quantity_nonnegative', 'nonnegative');
CREATE TRIGGER "StockMovement_quantity_positive" BEFORE INSERT ON "StockMovement"
  FOR EACH ROW EXECUTE FUNCTION quantity_guard('StockMovement_quantity_positive', 'positive');
CREATE TRIGGER "ShipmentLine_quantity_positive" BEFORE INSERT OR UPDATE OF "quantity" ON "ShipmentLine"
  FOR EACH ROW EXECUTE FUNCTION quantity_guard('ShipmentLine_quantity_positive', 'positive');
