/**
 * A list's GET filters, read one way everywhere (issue 18): a value that cannot be a filter
 * (a day that does not exist, a role nobody has, text past its limit, a cursor past int8) is
 * IGNORED — the list opens without that filter — and reported in `ignored`, so the page can say
 * so next to its FilterBar (`<IgnoredFilters>`). Never a 400 and never a silent drop.
 *
 * The schema is the list's usual zod object whose fields end in `.optional().catch(undefined)`:
 * a field is "ignored" when the URL gave it a non-blank value and the parse left it undefined.
 *
 *   const { value: query, ignored } = parseFilters(url.searchParams, auditQuerySchema);
 *   return { query, ignored, ... };
 *   // component
 *   <IgnoredFilters ignored={ignored} labels={{ from: t("admin.audit.fields.from") }} />
 *
 * Resource routes (CSV exports) read the same way and refuse with a 400 when `ignored` is not
 * empty: a download cannot show the note, and exporting more than was asked is worse than no file.
 */
import { z } from "zod";
import { stripNul } from "./params";

export type IgnoredFilter = { param: string; value: string };

export function parseFilters<S extends z.ZodObject>(params: URLSearchParams, schema: S): { value: z.output<S>; ignored: IgnoredFilter[] } {
  const input: Record<string, string> = {};
  for (const key of Object.keys(schema.shape)) {
    const raw = params.get(key);
    if (raw !== null) input[key] = stripNul(raw);
  }
  const value = schema.parse(input) as z.output<S>;
  const ignored = Object.entries(input)
    .filter(([key, raw]) => raw.trim() !== "" && (value as Record<string, unknown>)[key] === undefined)
    .map(([param, raw]) => ({ param, value: raw.slice(0, 40) }));
  return { value, ignored };
}

const INT8_MAX = 9_223_372_036_854_775_807n;

/**
 * A keyset cursor over an int8 id, as a URL gives it. One past int8 would reach PostgreSQL and
 * fail there; zod 4 runs a refinement even after a failed `.regex`, so the range check must not
 * assume the digits were checked (BigInt("1.5") throws).
 */
export const int8CursorSchema = z
  .string()
  .optional()
  .catch(undefined)
  .transform((v) => (v !== undefined && /^\d{1,19}$/.test(v) && BigInt(v) <= INT8_MAX ? v : undefined));
