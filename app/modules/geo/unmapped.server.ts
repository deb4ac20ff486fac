/**
 * What the data migration (and any later way in that bypassed the normaliser) left uncoded: the
 * stored countries that are not ISO codes and the US/CA/MX states that are not ISO 3166-2 codes,
 * each distinct value with how many rows hold it. `npx alcance geo unmapped [--json]`.
 */
import { db } from "~/lib/db.server";
import { COUNTRIES_WITH_SUBDIVISIONS, countryCodes, subdivisionOptions } from "./regions";

export type UnmappedValue = { table: "Contact" | "Partner" | "Event"; field: "country" | "state"; country: string | null; value: string; rows: number };

const TABLES = ["Contact", "Partner", "Event"] as const;

export async function unmappedRegions(): Promise<UnmappedValue[]> {
  const codes = [...countryCodes()];
  const stateCodes = COUNTRIES_WITH_SUBDIVISIONS.flatMap((c) => subdivisionOptions(c).map(([code]) => code));
  const out: UnmappedValue[] = [];
  for (const table of TABLES) {
    // Identifiers from the fixed list above, never from input.
    const countries = await db.$queryRawUnsafe<Array<{ value: string; rows: number }>>(
      `SELECT country AS value, count(*)::int AS rows FROM "${table}" WHERE country IS NOT NULL AND NOT (country = ANY ($1::text[])) GROUP BY country ORDER BY count(*) DESC, country`,
      codes,
    );
    for (const c of countries) out.push({ table, field: "country", country: null, value: c.value, rows: c.rows });
    const states = await db.$queryRawUnsafe<Array<{ country: string; value: string; rows: number }>>(
      `SELECT country, state AS value, count(*)::int AS rows FROM "${table}"
        WHERE country = ANY ($1::text[]) AND state IS NOT NULL AND NOT (state = ANY ($2::text[]))
        GROUP BY country, state ORDER BY count(*) DESC, country, state`,
      [...COUNTRIES_WITH_SUBDIVISIONS],
      stateCodes,
    );
    for (const s of states) out.push({ table, field: "state", country: s.country, value: s.value, rows: s.rows });
  }
  return out;
}
