import { z } from "zod";
import { int8CursorSchema, parseFilters, type IgnoredFilter } from "~/lib/filters";

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date (YYYY-MM-DD) that exists. */
export function isCalendarDate(value: string): boolean {
  if (!DATE_RE.test(value)) return false;
  const [y, m, d] = value.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .catch(undefined)
    .transform((v) => (v ? v : undefined));

const optionalDate = z
  .string()
  .trim()
  .optional()
  .catch(undefined)
  .transform((v) => (v && isCalendarDate(v) ? v : undefined));

/**
 * The audit log's URL filters. A filter the reader mistyped is ignored rather than refused, so the
 * page always opens (lib/filters.ts parseFilters says which, and the page shows it). Dates are calendar days in the reader's time zone; `to` is inclusive.
 */
export const auditQuerySchema = z.object({
  action: optionalText(100),
  actor: optionalText(320).transform((v) => v?.normalize("NFC").toLowerCase()),
  entity: optionalText(100),
  entityId: optionalText(200),
  from: optionalDate,
  to: optionalDate,
  // A cursor is an AuditLog id (int8): one past its range would reach PostgreSQL and fail there.
  cursor: int8CursorSchema,
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** The filters of a URL, and the ones ignored (lib/filters.ts). */
export function auditQueryFromUrl(url: URL | string): { query: AuditQuery; ignored: IgnoredFilter[] } {
  const { value, ignored } = parseFilters(new URL(url).searchParams, auditQuerySchema);
  return { query: value, ignored };
}

/** The query string of the filters alone (no cursor): the CSV link and «clear» compare against it. */
export function auditFilterParams(query: AuditQuery): URLSearchParams {
  const { cursor: _cursor, ...filters } = query;
  return new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""));
}
