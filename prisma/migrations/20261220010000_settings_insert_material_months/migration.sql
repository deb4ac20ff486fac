-- The office's first settings row sets its zone (until then the default one is read): every
-- materials month kept under the default zone moves (decision 037).
CREATE OR REPLACE FUNCTION material_months_every() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "MaterialMonthChange" ("month") VALUES ('*');
  RETURN NULL;
END $$;
CREATE TRIGGER "Settings_material_months_insert" AFTER INSERT ON "Settings"
  FOR EACH STATEMENT EXECUTE FUNCTION material_months_every();
