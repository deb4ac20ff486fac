/**
 * CSV writing for exports (contacts list, ARCO, rejected rows): RFC 4180 quoting and the OWASP
 * rule against formula injection — a cell starting with = + - @ tab or CR is prefixed with a
 * quote mark, whatever follows (multi-line cells included).
 */
import { csvDateTime } from "~/lib/format";

export const UTF8_BOM = "\uFEFF";

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralizeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** A Date cell is an instant: ISO 8601 UTC (calendar dates arrive as csvDate strings; decision 022). */
export function csvCell(value: unknown, delimiter = ","): string {
  if (value === null || value === undefined) return "";
  const text = neutralizeCell(value instanceof Date ? csvDateTime(value) : String(value));
  return /["\r\n]/.test(text) || text.includes(delimiter) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly unknown[], delimiter = ","): string {
  return `${values.map((v) => csvCell(v, delimiter)).join(delimiter)}\r\n`;
}
