-- Contacts list (app/modules/contacts/query.server.ts): one btree index per sort whose columns are
-- exactly the sort key of SORTS followed by the id, so a page after a cursor is an index range
-- scan at any table size ("created" uses Contact_createdAt_id_idx from the contacts migration).
-- Not expressible in schema.prisma: if `migrate dev` generates DROP INDEX for them, delete those lines.

-- sort=name: contacts without a name last, then family and given name, accent- and case-blind.
CREATE INDEX "Contact_sort_name_idx" ON "Contact" (
  (coalesce("familyName", '') || coalesce("givenName", '') = ''),
  search_text(coalesce("familyName", '') || ' ' || coalesce("givenName", '')),
  "id"
);

-- sort=country: contacts without a country last, then country, state.
CREATE INDEX "Contact_sort_country_idx" ON "Contact" (("country" IS NULL), coalesce("country", ''), coalesce("state", ''), "id");

-- sort=email.
CREATE INDEX "Contact_sort_email_idx" ON "Contact" ("email", "id");

-- ?q= of one or two characters (no trigram to look up): e-mails that start with it.
CREATE INDEX "Contact_email_prefix_idx" ON "Contact" (search_text("email") text_pattern_ops);

-- Speed of ?q= on large lists. A trigram match is always rechecked on the row, which computes
-- search_text() again; immutable_unaccent() as written in the init migration cannot be inlined
-- (its body calls the STABLE unaccent()), so every recheck ran a SQL-function call: ~5 µs a row.
-- Bound to the extension's own C entry point and declared IMMUTABLE, it inlines: ~1.7 µs a row.
-- Same dictionary, same C function, same results, so the existing indexes stay valid. Creating a C
-- function needs a superuser: without one this step is skipped and everything works as before.
DO $migration$
BEGIN
  IF current_setting('server_version_num')::int >= 140000
     AND (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE $sql$
      CREATE OR REPLACE FUNCTION public.unaccent_immutable(regdictionary, text) RETURNS text
        LANGUAGE c IMMUTABLE PARALLEL SAFE STRICT
        AS '$libdir/unaccent', 'unaccent_dict'
    $sql$;
    EXECUTE $sql$
      CREATE OR REPLACE FUNCTION public.immutable_unaccent(text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        RETURN public.unaccent_immutable('public.unaccent'::regdictionary, $1)
    $sql$;
  END IF;
END
$migration$;

-- Row estimates for ?q=: the planner estimates LIKE '%term%' on the trigram index's expression from
-- that expression's histogram. With the default 100 buckets any term rarer than 1 % looks like
-- "no rows", so it never combines the trigram index with the country or tag index and often walks
-- the date index for terms that are in fact rare. 1,000 buckets see terms down to 0.1 %.
ALTER INDEX "Contact_search_trgm_idx" ALTER COLUMN 1 SET STATISTICS 1000;
