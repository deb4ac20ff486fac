/**
 * A minimal XLSX reader (decision 025): the first worksheet's cells as numbers, strings, booleans
 * and calendar dates ("YYYY-MM-DD"; a percent-formatted number as the text «85.65%»), enough to import a contributed table. An XLSX is a ZIP of XML
 * parts; only the few parts it needs are inflated (fflate), each capped, so a ZIP bomb or a huge
 * sheet is refused before it is expanded. Formulas are read as their cached values; merged cells,
 * styles other than date formats, and every other sheet are ignored. Pure: no I/O.
 */
import { DomainError } from "~/lib/errors";
import { unzipSync, type UnzipFileInfo } from "fflate";

export type XlsxCell = string | number | boolean | null;

export type XlsxErrorCode = "notXlsx" | "noSheet" | "tooLarge";

export class XlsxError extends DomainError<XlsxErrorCode> {
  constructor(code: XlsxErrorCode) {
    super({ code, messageKey: `files.xlsx.${code}`, status: 400 });
  }
}

export const XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Most bytes one inflated part may hold (the sheet and the shared strings). */
export const XLSX_MAX_PART_BYTES = 32 * 1024 * 1024;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** Whether the bytes are a ZIP holding a workbook (the content sniffing for attachments and imports). */
export function isXlsx(bytes: Uint8Array): boolean {
  if (!ZIP_MAGIC.every((b, i) => bytes[i] === b)) return false;
  try {
    let workbook = false;
    unzipSync(bytes, {
      filter: (f) => {
        if (f.name === "xl/workbook.xml") workbook = true;
        return false;
      },
    });
    return workbook;
  } catch {
    return false;
  }
}

// ── XML helpers (the parts are machine-written; a small tolerant scanner is enough) ─────────────

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e.startsWith("#x")) return safeCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith("#")) return safeCodePoint(parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? "";
  });
}

function safeCodePoint(n: number): string {
  return Number.isInteger(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : "";
}

/** Excel writes characters XML cannot hold as _xHHHH_. */
const unescapeOoxml = (text: string) => text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  return m ? unescapeXml(m[2] ?? m[3] ?? "") : null;
}

/** The text of every <t> in a fragment, phonetic runs (<rPh>) left out. */
function textOf(fragment: string): string {
  const clean = fragment.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "");
  let out = "";
  for (const m of clean.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g)) out += m[1] ?? "";
  return unescapeOoxml(unescapeXml(out));
}

// ── Parts ─────────────────────────────────────────────────────────────────────────────────────

function readParts(bytes: Uint8Array, wanted: (name: string) => boolean): Record<string, string> {
  if (!ZIP_MAGIC.every((b, i) => bytes[i] === b)) throw new XlsxError("notXlsx");
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f: UnzipFileInfo) => {
        if (!wanted(f.name)) return false;
        if (f.originalSize > XLSX_MAX_PART_BYTES) throw new XlsxError("tooLarge");
        return true;
      },
    });
  } catch (error) {
    if (error instanceof XlsxError) throw error;
    throw new XlsxError("notXlsx");
  }
  const decoder = new TextDecoder("utf-8");
  const out: Record<string, string> = {};
  for (const [name, data] of Object.entries(files)) {
    // The declared size is the archive's word: check what was really inflated too.
    if (data.byteLength > XLSX_MAX_PART_BYTES) throw new XlsxError("tooLarge");
    out[name] = decoder.decode(data);
  }
  return out;
}

function sharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  return [...xml.matchAll(/<si\b[^>]*>([\s\S]*?)<\/si>|<si\b[^>]*\/>/g)].map((m) => textOf(m[1] ?? ""));
}

const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 22, 27, 30, 36, 45, 46, 47, 50, 57]);

/** Whether a number format code shows a date (d, m, y outside quotes, brackets and escapes). */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/\\./g, "")
    .replace(/_./g, "")
    .replace(/\*./g, "");
  if (/^general$/i.test(bare.trim())) return false;
  return /[dy]/i.test(bare) || (/m/i.test(bare) && !/[hs]/i.test(bare) && !/0/.test(bare));
}

type StyleKind = "date" | "percent" | null;

const BUILTIN_PERCENT_FORMATS = new Set([9, 10]);

/** For each cell style index (the `s` attribute), whether it shows a date, a percent or anything else. */
function cellStyles(xml: string | undefined): StyleKind[] {
  if (!xml) return [];
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<numFmt\b[^>]*>/g)) {
    const id = Number(attr(m[0], "numFmtId"));
    const code = attr(m[0], "formatCode");
    if (Number.isInteger(id) && code !== null) custom.set(id, code);
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? "";
  return [...xfs.matchAll(/<xf\b[^>]*>/g)].map((m) => {
    const id = Number(attr(m[0], "numFmtId") ?? "0");
    const code = custom.get(id);
    if (code !== undefined) return isDateFormat(code) ? "date" : /%/.test(code.replace(/"[^"]*"/g, "")) ? "percent" : null;
    return BUILTIN_DATE_FORMATS.has(id) ? "date" : BUILTIN_PERCENT_FORMATS.has(id) ? "percent" : null;
  });
}

/** The first sheet's part name, from the workbook and its relationships; sheet1.xml when they say nothing. */
function firstSheetPath(workbook: string | undefined, rels: string | undefined): string | null {
  const sheet = workbook ? /<sheet\b[^>]*>/.exec(workbook)?.[0] : undefined;
  const rid = sheet ? (attr(sheet, "r:id") ?? attr(sheet, "id")) : null;
  if (rid && rels) {
    for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
      if (attr(m[0], "Id") !== rid) continue;
      const target = attr(m[0], "Target");
      if (!target) break;
      return target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`;
    }
  }
  return null;
}

/** "BC12" → 54 (0-based column). */
export function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref.toUpperCase()) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    n = n * 26 + (code - 64);
  }
  return n - 1;
}

/** An Excel serial day as a calendar date (1900 system, with its phantom 29 February 1900; or 1904). */
export function serialToDate(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial) || serial < 0 || serial > 2958465) return null;
  const day = Math.floor(serial);
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const offset = !date1904 && day < 61 ? day + 1 : day; // serials before 1 March 1900 count the fake 29 Feb
  return new Date(epoch + offset * 86_400_000).toISOString().slice(0, 10);
}

export type XlsxSheet = { rows: XlsxCell[][] };

/** Hard caps while reading, so a sheet with a cell at XFD1048576 cannot allocate a huge grid. */
export type XlsxLimits = { maxRows: number; maxColumns: number };

/**
 * The first worksheet as rows of cells (empty trailing rows dropped; missing cells null).
 * Throws XlsxError: notXlsx (not a ZIP workbook), noSheet, tooLarge (a part over the cap, or
 * more rows or columns than the limits).
 */
export function readXlsx(bytes: Uint8Array, limits: XlsxLimits = { maxRows: 100_000, maxColumns: 16_384 }): XlsxSheet {
  const meta = readParts(bytes, (n) => n === "xl/workbook.xml" || n === "xl/_rels/workbook.xml.rels" || n === "xl/sharedStrings.xml" || n === "xl/styles.xml");
  if (meta["xl/workbook.xml"] === undefined) throw new XlsxError("notXlsx");
  const path = firstSheetPath(meta["xl/workbook.xml"], meta["xl/_rels/workbook.xml.rels"]) ?? "xl/worksheets/sheet1.xml";
  const sheetXml = readParts(bytes, (n) => n === path)[path];
  if (sheetXml === undefined) throw new XlsxError("noSheet");
  const date1904 = /<workbookPr\b[^>]*\bdate1904\s*=\s*"(1|true)"/.test(meta["xl/workbook.xml"]);
  const strings = sharedStrings(meta["xl/sharedStrings.xml"]);
  const styles = cellStyles(meta["xl/styles.xml"]);

  const rows: XlsxCell[][] = [];
  const data = /<sheetData\b[^>]*>([\s\S]*)<\/sheetData>/.exec(sheetXml)?.[1] ?? "";
  let nextRow = 0;
  for (const rm of data.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const r = Number(attr(rm[0].slice(0, rm[0].indexOf(">") + 1), "r"));
    const index = Number.isInteger(r) && r >= 1 ? r - 1 : nextRow;
    nextRow = index + 1;
    if (index >= limits.maxRows) throw new XlsxError("tooLarge");
    const cells: XlsxCell[] = [];
    let nextCol = 0;
    for (const cm of (rm[2] ?? "").matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const open = `<c${cm[1]}>`;
      const ref = attr(open, "r");
      const col = ref ? columnIndex(ref) : nextCol;
      nextCol = col + 1;
      if (col < 0) continue;
      if (col >= limits.maxColumns) throw new XlsxError("tooLarge");
      const value = cellValue(attr(open, "t"), Number(attr(open, "s") ?? "0"), cm[2] ?? "", strings, styles, date1904);
      if (value === null) continue;
      while (cells.length < col) cells.push(null);
      cells[col] = value;
    }
    while (rows.length < index) rows.push([]);
    rows[index] = cells;
  }
  while (rows.length && rows[rows.length - 1]!.every((c) => c === null || c === "")) rows.pop();
  return { rows };
}

function cellValue(type: string | null, style: number, inner: string, strings: string[], styles: StyleKind[], date1904: boolean): XlsxCell {
  const v = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/.exec(inner)?.[1];
  switch (type) {
    case "s": {
      const i = Number(v);
      return Number.isInteger(i) && i >= 0 && i < strings.length ? strings[i]! : null;
    }
    case "inlineStr":
      return textOf(/<is\b[^>]*>([\s\S]*?)<\/is>/.exec(inner)?.[1] ?? "");
    case "str":
      return v === undefined ? null : unescapeOoxml(unescapeXml(v));
    case "b":
      return v === undefined ? null : v.trim() === "1" || v.trim() === "true";
    case "e":
      return null;
    case "d":
      return v ? unescapeXml(v).slice(0, 10) : null;
    default: {
      if (v === undefined || v.trim() === "") return null;
      const n = Number(v);
      if (!Number.isFinite(n)) return null;
      if (styles[style] === "date") return serialToDate(n, date1904) ?? n;
      // A percent shows as one («85.65%»): the table stores it as a percent column, 85.65.
      if (styles[style] === "percent") return `${Number((n * 100).toPrecision(12))}%`;
      return n;
    }
  }
}
