/**
 * A contributed section's tables (decision 025), pure: text or cells in, typed columns out. Pasted
 * text and CSV files go through the contacts import's detection (encoding from the bytes — BOM,
 * UTF-8, else Windows-1252; UTF-16 by its BOM —, the delimiter from the first line); an XLSX comes
 * as cells already (app/modules/files/xlsx.ts). Each column gets one type from its non-empty cells:
 *
 * - integer: «38096», «38,096», «38 096» (thousands by comma, space or no-break space, groups of 3);
 * - decimal: «1.5», «1,234.56», or a decimal comma when it cannot be a thousands group («85,65»);
 * - percent: every cell ends with «%» («85.65 %», «85,65%») — stored as the number (85.65);
 * - date: DD/MM/YYYY (also D/M/YYYY, «-» or «.») or YYYY-MM-DD — stored as "YYYY-MM-DD";
 * - text: anything else (a column mixing types is text, its cells as written).
 * An integer column with decimals in some cells is decimal. «-», «—» and «–» count as empty in a
 * numeric or date column. Values are stored typed (numbers as numbers) and printed in es-MX.
 *
 * Limits (a report table, not a data set): 5,000 rows, 100 columns, 100,000 cells, 1,000
 * characters a cell, a 200-character title; a paste at most 300,000 characters (larger: a file).
 */
import { DomainError, type ErrorParams } from "~/lib/errors";
import Papa from "papaparse";
import { decoderFor, detectDelimiter, detectEncoding, headerLine, type ImportDelimiter } from "~/modules/contacts/import/detect";

export const TABLE_LIMITS = { rows: 5_000, columns: 100, cells: 100_000, cellChars: 1_000, titleChars: 200, pasteChars: 300_000 } as const;

export const COLUMN_TYPES = ["text", "integer", "decimal", "percent", "date"] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];
export type TableColumn = { name: string; type: ColumnType };
export type TableCell = string | number | null;
export type TypedTable = { columns: TableColumn[]; rows: TableCell[][] };

export type TableErrorCode = "empty" | "tooManyRows" | "tooManyColumns" | "tooManyCells" | "cellTooLong" | "unreadable" | "pasteTooLong" | "notXlsx" | "fileType";

/** A table that cannot be stored; `code` is a translation key under reports.tables.errors. */
export class TableError extends DomainError<TableErrorCode> {
  constructor(code: TableErrorCode, params: ErrorParams = {}) {
    super({ code, params, messageKey: `reports.tables.errors.${code}`, status: 400 });
  }
}

// ── Cells ───────────────────────────────────────────────────────────────────────────────────────

const EMPTY_MARKS = new Set(["", "-", "—", "–"]);
const SPACES = /[\u00a0\u202f\u2009]/g;

/** «38,096» → 38096; «1,234.5» → 1234.5; «85,65» → 85.65; «38 096» → 38096; null when not a number. */
export function parseNumber(raw: string): { value: number; integer: boolean } | null {
  const s = raw.replace(SPACES, " ").trim();
  const m = /^([+-]?)(\d{1,3}(?:([, ])\d{3})+|\d+)(?:([.,])(\d+))?$/.exec(s);
  if (!m) return null;
  const [, sign, intPart, groupSep, decSep, decimals] = m;
  if (groupSep && decSep && groupSep === decSep) return null; // «1,234,5»
  if (/^0\d/.test(intPart!)) return null; // a code with leading zeros («007») is text
  if (!groupSep && decSep === "," && decimals!.length === 3) return null; // «1,234» is matched as a thousands group above
  const digits = intPart!.replace(/[, ]/g, "");
  const text = `${sign === "-" ? "-" : ""}${digits}${decimals ? `.${decimals}` : ""}`;
  const value = Number(text);
  if (!Number.isFinite(value) || Math.abs(value) > Number.MAX_SAFE_INTEGER) return null;
  return { value, integer: !decimals };
}

/** «85.65 %», «85,65%» → 85.65. */
export function parsePercent(raw: string): number | null {
  const s = raw.replace(SPACES, " ").trim();
  if (!s.endsWith("%")) return null;
  return parseNumber(s.slice(0, -1))?.value ?? null;
}

/** «19/11/2017», «19-11-2017», «2017-11-19» → "2017-11-19"; null when not a real calendar date. */
export function parseDate(raw: string): string | null {
  const s = raw.trim();
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dmy) [d, m, y] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])];
  else return null;
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return null;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > last) return null;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

export type RawCell = string | number | boolean | null;

const isEmpty = (c: RawCell) => c === null || (typeof c === "string" && EMPTY_MARKS.has(c.trim()));
/** Nothing at all in the cell (a «-» is something in a text column). */
const isBlank = (c: RawCell) => c === null || (typeof c === "string" && c.trim() === "");
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The types a cell could be (for a column's vote). */
function cellKinds(c: RawCell): Set<ColumnType> {
  const kinds = new Set<ColumnType>(["text"]);
  if (typeof c === "number") {
    kinds.add("decimal");
    if (Number.isInteger(c)) kinds.add("integer");
    return kinds;
  }
  if (typeof c !== "string") return kinds;
  if (ISO_DATE.test(c) || parseDate(c)) kinds.add("date");
  const n = parseNumber(c);
  if (n) {
    kinds.add("decimal");
    if (n.integer) kinds.add("integer");
  }
  if (parsePercent(c) !== null) kinds.add("percent");
  return kinds;
}

/** The one type that fits every non-empty cell of a column (integer, decimal, percent, date, else text). */
export function columnType(cells: RawCell[]): ColumnType {
  const present = cells.filter((c) => !isEmpty(c));
  if (!present.length) return "text";
  const votes = present.map(cellKinds);
  for (const type of ["integer", "decimal", "percent", "date"] as const) {
    if (!votes.every((v) => v.has(type))) continue;
    // Years written bare («2017», «2018») are labels, not quantities: «2,017» would be wrong.
    if (type === "integer" && present.every((c) => typeof c === "string" && /^\s*(19|20|21)\d{2}\s*$/.test(c))) return "text";
    return type;
  }
  return "text";
}

/** One cell as its column's type. */
export function typedCell(c: RawCell, type: ColumnType): TableCell {
  if (type !== "text" && isEmpty(c)) return null;
  if (c === null) return null;
  if (typeof c === "boolean") return c ? "VERDADERO" : "FALSO";
  switch (type) {
    case "integer":
    case "decimal":
      return typeof c === "number" ? c : (parseNumber(c)?.value ?? null);
    case "percent":
      return typeof c === "number" ? c : parsePercent(c);
    case "date":
      return typeof c === "number" ? null : (parseDate(c) ?? null);
    default: {
      const text = typeof c === "number" ? String(c) : c.trim();
      return text === "" ? null : text;
    }
  }
}

// ── Whole tables ────────────────────────────────────────────────────────────────────────────────

/** "auto": the first row is the header unless one of its cells reads as a number, a percent or a date. */
export type HeaderMode = "auto" | "yes" | "no";

export function looksLikeHeader(row: RawCell[]): boolean {
  return row.some((c) => !isEmpty(c)) && row.every((c) => isEmpty(c) || (typeof c === "string" && cellKinds(c).size === 1));
}

/** Rows of raw cells (from a paste, a CSV or an XLSX) → a typed table, within the limits. */
export function typeTable(raw: RawCell[][], header: HeaderMode = "auto"): TypedTable & { header: boolean; raw: RawCell[][] } {
  const rows = raw.map((r) => r.map((c) => (typeof c === "string" ? c.replace(/\r/g, "") : c))).filter((r) => r.some((c) => !isBlank(c)));
  if (!rows.length) throw new TableError("empty");
  const hasHeader = header === "yes" || (header === "auto" && rows.length > 1 && looksLikeHeader(rows[0]!));
  const head = hasHeader ? rows[0]! : [];
  const body = hasHeader ? rows.slice(1) : rows;
  if (body.length > TABLE_LIMITS.rows) throw new TableError("tooManyRows", { max: TABLE_LIMITS.rows, found: body.length });
  // Trailing columns empty in every row (Excel's stray separators) are not columns.
  const lastFilled = (r: RawCell[]) => {
    for (let i = r.length - 1; i >= 0; i--) if (!isBlank(r[i] ?? null)) return i + 1;
    return 0;
  };
  const width = Math.max(0, ...[head, ...body].map(lastFilled));
  if (!body.length) throw new TableError("empty");
  if (width > TABLE_LIMITS.columns) throw new TableError("tooManyColumns", { max: TABLE_LIMITS.columns, found: width });
  if (width * body.length > TABLE_LIMITS.cells) throw new TableError("tooManyCells", { max: TABLE_LIMITS.cells, found: width * body.length });
  for (const [i, r] of [head, ...body].entries()) {
    for (const [j, c] of r.entries()) {
      if (typeof c === "string" && c.length > TABLE_LIMITS.cellChars) throw new TableError("cellTooLong", { max: TABLE_LIMITS.cellChars, row: i + 1, column: j + 1 });
    }
  }
  const columns: TableColumn[] = [];
  for (let j = 0; j < width; j++) {
    const h = head[j];
    const name = h === null || h === undefined || String(h).trim() === "" ? `Columna ${j + 1}` : String(h).trim();
    columns.push({ name, type: columnType(body.map((r) => r[j] ?? null)) });
  }
  // raw: the cells as they came (header row included), what a preview posts back to be typed again on saving.
  return { header: hasHeader, columns, rows: body.map((r) => columns.map((col, j) => typedCell(r[j] ?? null, col.type))), raw: rows.map((r) => r.slice(0, width)) };
}

/** Bytes of a CSV/TSV (any of the import's encodings) → text. */
export function decodeTableBytes(bytes: Uint8Array): string {
  return decoderFor(detectEncoding(bytes)).decode(bytes);
}

/** Delimited text (a paste from Excel or Word is tab-separated; a CSV comma or semicolon) → rows of strings. */
export function splitDelimited(text: string): { delimiter: ImportDelimiter; rows: string[][] } {
  const clean = text.replace(/^\uFEFF/, "");
  if (clean.trim() === "") throw new TableError("empty");
  const first = headerLine(clean, true)?.line ?? clean;
  const delimiter = detectDelimiter(first);
  const parsed = Papa.parse<string[]>(clean, { delimiter, quoteChar: '"', skipEmptyLines: false });
  if (parsed.errors.some((e) => e.type === "Quotes" && e.code === "MissingQuotes")) throw new TableError("unreadable", { row: (parsed.errors[0]?.row ?? 0) + 1 });
  return { delimiter, rows: parsed.data };
}

/** A paste or a CSV's text → a typed table. */
export function tableFromText(text: string, header: HeaderMode = "auto"): TypedTable & { header: boolean; raw: RawCell[][]; delimiter: ImportDelimiter } {
  const { delimiter, rows } = splitDelimited(text);
  return { ...typeTable(rows, header), delimiter };
}

// ── Printing ────────────────────────────────────────────────────────────────────────────────────

const intEs = new Intl.NumberFormat("es-MX", { maximumFractionDigits: 0 });
const decEs = new Intl.NumberFormat("es-MX", { maximumFractionDigits: 6 });
const pctEs = new Intl.NumberFormat("es-MX", { maximumFractionDigits: 2 });

/** A cell as the report prints it (es-MX): «38,096», «85.65%», «19/11/2017»; empty → "". */
export function formatCellEs(value: TableCell, type: ColumnType): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    if (type === "percent") return `${pctEs.format(value)}%`;
    if (type === "integer") return intEs.format(value);
    return decEs.format(value);
  }
  if (type === "date" && ISO_DATE.test(value)) {
    const [y, m, d] = value.split("-");
    return `${d}/${m}/${y}`;
  }
  return value;
}

/** A table's rows as printed strings. */
export function formatRowsEs(table: TypedTable): string[][] {
  return table.rows.map((r) => table.columns.map((c, j) => formatCellEs(r[j] ?? null, c.type)));
}

/** A cell as CSV keeps it: numbers plain (38096, 85.65), dates YYYY-MM-DD (decision 022). */
export function csvValue(value: TableCell): string | number | null {
  return value;
}

/** Whether stored JSON has a table's shape (frozen figures are read back through this). */
export function isTypedTable(value: unknown): value is TypedTable {
  if (!value || typeof value !== "object") return false;
  const v = value as { columns?: unknown; rows?: unknown };
  return (
    Array.isArray(v.columns) &&
    v.columns.every((c) => c && typeof c === "object" && typeof (c as TableColumn).name === "string" && (COLUMN_TYPES as readonly string[]).includes((c as TableColumn).type)) &&
    Array.isArray(v.rows) &&
    v.rows.every((r) => Array.isArray(r))
  );
}
