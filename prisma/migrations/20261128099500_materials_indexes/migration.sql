-- The catalogue and the locations are listed by name, paged by key (name, id).
CREATE INDEX "Material_name_id_idx" ON "Material"("name", "id");
CREATE INDEX "Location_name_id_idx" ON "Location"("name", "id");
