/**
 * The data migration that codes the countries and states stored before the normaliser existed
 * (prisma/migrations/20261207100000_iso_regions), generated from the normaliser itself so the
 * migration and every way in agree: `npx tsx scripts/geo-regions-sql.ts > …/migration.sql`.
 * A unit test checks the stored migration is this output.
 */
import { COUNTRIES_WITH_SUBDIVISIONS, foldKey, impliedSubdivision, regionLookupTables } from "./regions";

const SAFE_KEY = /^[a-z0-9]+$/;
const lit = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** Latin letters with marks → what foldKey makes of them, as the two strings of SQL translate(). */
function foldTranslation(): [from: string, to: string] {
  let from = "";
  let to = "";
  for (let cp = 0xc0; cp <= 0x24f; cp++) {
    const ch = String.fromCodePoint(cp);
    const folded = foldKey(ch);
    if (folded.length === 1 && /[a-z]/.test(folded) && folded !== ch) {
      from += ch;
      to += folded;
    }
  }
  return [from, to];
}

function values(rows: string[][]): string {
  return rows.map((row) => `  (${row.map(lit).join(", ")})`).join(",\n");
}

// One statement per table and rule; both migrations apply the same rules to their tables.
const blankToNull = (table: string, column: "country" | "state") =>
  `UPDATE "${table}" SET ${column} = NULL WHERE ${column} IS NOT NULL AND btrim(${column}) = '';`;
const codeCountries = (table: string) =>
  `UPDATE "${table}" x SET country = g.code FROM geo_country g WHERE g.key = pg_temp.geo_fold(x.country) AND x.country IS DISTINCT FROM g.code;`;
const codeStates = (table: string) => `UPDATE "${table}" x SET state = s.code FROM geo_subdivision s
  WHERE x.country IN (${COUNTRIES_WITH_SUBDIVISIONS.map(lit).join(", ")}) AND s.country = x.country AND s.key = pg_temp.geo_fold(x.state) AND x.state IS DISTINCT FROM s.code;`;
const impliedCountries = (table: string) => `UPDATE "${table}" x SET country = split_part(i.code, '-', 1), state = i.code FROM geo_implied i
  WHERE x.country IS NULL AND x.state IS NOT NULL AND i.key = pg_temp.geo_fold(x.state);`;
/** The count, inside a DO block's loop over table names `t`, of rows whose state is still not a code. */
const COUNT_UNMAPPED_STATES = `EXECUTE format('SELECT count(*) FROM %I x WHERE x.country IN (${COUNTRIES_WITH_SUBDIVISIONS.map((c) => `''${c}''`).join(", ")}) AND x.state IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM geo_subdivision s WHERE s.code = x.state AND s.country = x.country)', t) INTO n_state;`;

/** What was converted and what was left, per table, as notices; the CLI `geo unmapped` lists the values. */
const REPORT = `DO $$
DECLARE
  t text;
  n_country bigint;
  n_state bigint;
BEGIN
  FOREACH t IN ARRAY ARRAY['Contact', 'Partner', 'Event'] LOOP
    EXECUTE format('SELECT count(*) FROM %I WHERE country IS NOT NULL AND country NOT IN (SELECT code FROM geo_country)', t) INTO n_country;
    ${COUNT_UNMAPPED_STATES}
    IF t = 'Event' THEN n_state := 0; END IF;
    RAISE NOTICE 'iso_regions: % rows of "%" keep a country that is not an ISO code, % a state that is not an ISO 3166-2 code (npx alcance geo unmapped lists them)', n_country, t, n_state;
  END LOOP;
END
$$;`;

/** The fold function and the lookup tables (countries, subdivisions, implied states), as temp objects. */
function lookupTablesSql(): string {
  const tables = regionLookupTables();
  const countries = tables.countries.filter(([key]) => SAFE_KEY.test(key));
  const subdivisions = tables.subdivisions.filter(([, key]) => SAFE_KEY.test(key));
  const implied = [...new Set(subdivisions.map(([, key]) => key))]
    .map((key) => [key, impliedSubdivision(key)] as const)
    .filter((pair): pair is readonly [string, string] => !!pair[1])
    .map(([key, code]) => [key, code]);
  const [from, to] = foldTranslation();
  return `-- The normaliser's fold (case, accents, spaces and punctuation do not matter), for Latin text.
CREATE OR REPLACE FUNCTION pg_temp.geo_fold(v text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT regexp_replace(lower(translate(v, ${lit(from)}, ${lit(to)})), '[^a-z0-9]', '', 'g')
$$;

DROP TABLE IF EXISTS pg_temp.geo_country;
CREATE TEMP TABLE geo_country (key text PRIMARY KEY, code text NOT NULL) ON COMMIT DROP;
INSERT INTO geo_country (key, code) VALUES
${values(countries.map(([key, code]) => [key, code]))};

DROP TABLE IF EXISTS pg_temp.geo_subdivision;
CREATE TEMP TABLE geo_subdivision (country text NOT NULL, key text NOT NULL, code text NOT NULL, PRIMARY KEY (country, key)) ON COMMIT DROP;
INSERT INTO geo_subdivision (country, key, code) VALUES
${values(subdivisions.map(([country, key, code]) => [country, key, code]))};

-- A state stored without a country that names a subdivision of exactly one coded country.
DROP TABLE IF EXISTS pg_temp.geo_implied;
CREATE TEMP TABLE geo_implied (key text PRIMARY KEY, code text NOT NULL) ON COMMIT DROP;
INSERT INTO geo_implied (key, code) VALUES
${values(implied)};

`;
}

export function isoRegionsMigrationSql(): string {
  return `-- Countries and states become ISO codes (decision 019). GENERATED by scripts/geo-regions-sql.ts
-- from app/modules/geo/regions.ts — do not edit by hand. Idempotent: a code maps to itself, so
-- running it again changes nothing. A value it cannot map is left as it is and counted in a notice;
-- \`npx alcance geo unmapped\` lists those values.

${lookupTablesSql()}-- Empty text is no value.
${blankToNull("Contact", "country")}
${blankToNull("Contact", "state")}
${blankToNull("Partner", "country")}
${blankToNull("Partner", "state")}
${blankToNull("Event", "country")}

-- Countries: every spelling the normaliser knows → its ISO 3166-1 alpha-2 code.
${codeCountries("Contact")}
${codeCountries("Partner")}
${codeCountries("Event")}

-- States of the United States, Canada and Mexico → ISO 3166-2, relative to the row's country.
${codeStates("Contact")}
${codeStates("Partner")}

-- A state without a country implies it when the name is unique (as the import decides).
${impliedCountries("Contact")}
${impliedCountries("Partner")}

-- Segments (and so the bulletins sent to them) filter by the same codes.
UPDATE "Segment" x SET filter = jsonb_set(x.filter::jsonb, '{country}', to_jsonb(g.code))
  FROM geo_country g
  WHERE jsonb_typeof(x.filter::jsonb) = 'object' AND x.filter::jsonb ? 'country'
    AND g.key = pg_temp.geo_fold(x.filter::jsonb ->> 'country') AND x.filter::jsonb ->> 'country' IS DISTINCT FROM g.code;
UPDATE "Segment" x SET filter = jsonb_set(x.filter::jsonb, '{state}', to_jsonb(s.code))
  FROM geo_subdivision s
  WHERE jsonb_typeof(x.filter::jsonb) = 'object' AND x.filter::jsonb ? 'state' AND s.country = x.filter::jsonb ->> 'country'
    AND s.key = pg_temp.geo_fold(x.filter::jsonb ->> 'state') AND x.filter::jsonb ->> 'state' IS DISTINCT FROM s.code;

${REPORT}
`;
}

/**
 * The second data migration (prisma/migrations/20261207150000_event_contest_states): event states,
 * typed as free text until the events form used the normaliser, and the states of the contest's
 * organisations (partners the submission form created with the text typed, «California», «Nueva
 * York»). Same lookup tables and rules as the first; idempotent; what it cannot map is left and counted.
 * `npx tsx scripts/geo-regions-sql.ts --event-contest-states`.
 */
export function eventContestStatesMigrationSql(): string {
  return `-- Event states and contest organisations' states become ISO 3166-2 codes (decision 019). GENERATED
-- by scripts/geo-regions-sql.ts --event-contest-states from app/modules/geo/regions.ts — do not edit
-- by hand. Idempotent; a value it cannot map is left as it is and counted in a notice.

${lookupTablesSql()}-- Empty text is no value.
${blankToNull("Event", "state")}
${blankToNull("Event", "country")}
${blankToNull("Partner", "state")}

-- Countries typed since (the events form took only codes, but a name is coded the same way).
${codeCountries("Event")}

-- States of the United States, Canada and Mexico → ISO 3166-2, relative to the row's country.
${codeStates("Event")}
${codeStates("Partner")}

-- A state without a country implies it when the name is unique (as the forms decide).
${impliedCountries("Event")}
${impliedCountries("Partner")}

DO $$
DECLARE
  t text;
  n_state bigint;
BEGIN
  FOREACH t IN ARRAY ARRAY['Event', 'Partner'] LOOP
    ${COUNT_UNMAPPED_STATES}
    RAISE NOTICE 'event_contest_states: % rows of "%" keep a state that is not an ISO 3166-2 code (npx alcance geo unmapped lists them)', n_state, t;
  END LOOP;
END
$$;
`;
}
