-- Accent- and case-blind search on partial words for institutions (name and acronym) and events
-- (name, city, venue), as for contacts. Expression indexes are not expressible in schema.prisma.
CREATE INDEX "Partner_search_trgm_idx" ON "Partner"
  USING GIN (search_text("name" || ' ' || coalesce("acronym", '')) gin_trgm_ops);

CREATE INDEX "Event_search_trgm_idx" ON "Event"
  USING GIN (search_text("name" || ' ' || coalesce("city", '') || ' ' || coalesce("venue", '')) gin_trgm_ops);

-- Partner list sorted by name: accent- and case-blind, keyset by id.
CREATE INDEX "Partner_sort_name_idx" ON "Partner" (search_text("name"), "id");
