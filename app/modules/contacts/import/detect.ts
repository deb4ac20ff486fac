/**
 * What a spreadsheet file is before it is read: its encoding (from its bytes), its delimiter and
 * line break (from its header line) and which column holds which contact field (from the header
 * names, in Spanish or English, blind to case, accents, spaces, `_`, `-` and punctuation). Pure:
 * used by the upload, the CLI and the tests alike.
 */
import { contactFieldsFor, EXPORT_HEADERS, type ContactFieldsFor, type ExportColumn } from "../fields";

// ── Encoding ────────────────────────────────────────────────────────────────────────────────────

export const IMPORT_ENCODINGS = ["utf-8", "utf-8-bom", "windows-1252", "utf-16le", "utf-16be"] as const;
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];

export function isImportEncoding(value: unknown): value is ImportEncoding {
  return typeof value === "string" && (IMPORT_ENCODINGS as readonly string[]).includes(value);
}

/** Bytes of the byte-order mark that starts a file in this encoding (0 when none). */
export function bomLength(encoding: ImportEncoding): number {
  return encoding === "utf-8-bom" ? 3 : encoding === "utf-16le" || encoding === "utf-16be" ? 2 : 0;
}

/** The WHATWG decoder for an encoding; it consumes the byte-order mark itself. */
export function decoderFor(encoding: ImportEncoding): TextDecoder {
  const label = encoding === "utf-8-bom" ? "utf-8" : encoding;
  return new TextDecoder(label, { fatal: false, ignoreBOM: false });
}

/** Bytes that a decoded text took in the file (the byte-order mark excluded). */
export function encodedLength(text: string, encoding: ImportEncoding): number {
  if (encoding === "windows-1252") return text.length;
  if (encoding === "utf-16le" || encoding === "utf-16be") return text.length * 2;
  return Buffer.byteLength(text, "utf8");
}

/**
 * Watches a file's bytes as they go by (an upload, a read from disk) and tells its encoding at the
 * end: a byte-order mark decides; otherwise UTF-8 when every byte sequence is valid UTF-8 (plain
 * ASCII included), else Windows-1252 — what Excel writes in Mexico and Spain.
 */
export class EncodingSniffer {
  private head = new Uint8Array(0);
  private validator = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  private valid = true;
  private sawBytes = false;

  push(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.sawBytes = true;
    if (this.head.length < 4) {
      const merged = new Uint8Array(Math.min(4, this.head.length + bytes.length));
      merged.set(this.head.subarray(0, merged.length));
      merged.set(bytes.subarray(0, merged.length - this.head.length), this.head.length);
      this.head = merged;
    }
    if (!this.valid) return;
    try {
      this.validator.decode(bytes, { stream: true });
    } catch {
      this.valid = false;
    }
  }

  result(): ImportEncoding {
    const bom = bomEncoding(this.head);
    if (bom) return bom;
    if (!this.sawBytes) return "utf-8";
    if (this.valid) {
      try {
        this.validator.decode(); // flushes: a file cut inside a character is not valid UTF-8
      } catch {
        this.valid = false;
      }
    }
    return this.valid ? "utf-8" : "windows-1252";
  }
}

function bomEncoding(head: Uint8Array): ImportEncoding | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return "utf-8-bom";
  if (head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
  if (head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
  return null;
}

/** The encoding of a whole file held in memory (tests, small inputs). */
export function detectEncoding(bytes: Uint8Array): ImportEncoding {
  const sniffer = new EncodingSniffer();
  sniffer.push(bytes);
  return sniffer.result();
}

// ── Header line ─────────────────────────────────────────────────────────────────────────────────

export const IMPORT_DELIMITERS = [",", ";", "\t"] as const;
export type ImportDelimiter = (typeof IMPORT_DELIMITERS)[number];
export type LineBreak = "\r\n" | "\n" | "\r";

export function isImportDelimiter(value: unknown): value is ImportDelimiter {
  return typeof value === "string" && (IMPORT_DELIMITERS as readonly string[]).includes(value);
}

/**
 * The header record (which may span lines inside quotes) and the line break that ends it. Returns
 * null when the text holds no complete header yet (the caller reads more, or is at the end).
 */
export function headerLine(text: string, atEnd: boolean): { line: string; lineBreak: LineBreak } | null {
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === "\n" || ch === "\r")) {
      if (ch === "\r" && i + 1 === text.length && !atEnd) return null; // a "\r\n" cut in two
      const lineBreak: LineBreak = ch === "\n" ? "\n" : text[i + 1] === "\n" ? "\r\n" : "\r";
      return { line: text.slice(0, i), lineBreak };
    }
  }
  return atEnd ? { line: text, lineBreak: "\n" } : null;
}

/** Splits one line on a delimiter, honouring quotes (for the header only; records use papaparse). */
export function splitHeader(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let inQuotes = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (inQuotes) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') inQuotes = false;
      else cell += ch;
    } else if (ch === '"') inQuotes = true;
    else if (ch === delimiter) {
      cells.push(cell);
      cell = "";
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let inQuotes = false;
  for (const ch of line) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && ch === delimiter) count++;
  }
  return count;
}

/**
 * The delimiter, read from the header line only (data lines may hold decimal commas, "1,5"): the
 * candidate that yields an e-mail column wins, then the one whose cells name the most known
 * fields, then the one that occurs most; a header with none of them is a single column (comma).
 */
export function detectDelimiter(header: string): ImportDelimiter {
  return bestDelimiter(header, (cells) => {
    const fields = cells.map(fieldForHeader);
    return [fields.includes("email") ? 1 : 0, fields.filter((f) => f !== null).length];
  });
}

/**
 * The candidate delimiter whose header cells score highest (`score` compares element by element),
 * then the one that occurs most; comma when none occurs. Other areas' CSV readers use it too.
 */
export function bestDelimiter(header: string, score: (cells: string[]) => number[]): ImportDelimiter {
  let best: ImportDelimiter = ",";
  let bestScore: number[] = [];
  for (const delimiter of IMPORT_DELIMITERS) {
    const count = countOutsideQuotes(header, delimiter);
    if (count === 0) continue;
    const candidate = [...score(splitHeader(header, delimiter)), count];
    const differs = candidate.findIndex((value, i) => value !== bestScore[i]);
    if (differs !== -1 && candidate[differs]! > (bestScore[differs] ?? -1)) {
      best = delimiter;
      bestScore = candidate;
    }
  }
  return best;
}

// ── Column mapping ──────────────────────────────────────────────────────────────────────────────

/** The contact fields a column can fill. consentStatus/subscriptionStatus only apply to new contacts. */
export const IMPORT_FIELDS = contactFieldsFor("import");
export type ImportField = ContactFieldsFor<"import">;

export function isImportField(value: unknown): value is ImportField {
  return typeof value === "string" && (IMPORT_FIELDS as readonly string[]).includes(value);
}

/** Case, accents, spaces, `_`, `-` and any punctuation do not matter: "Correo electrónico" → "correoelectronico". */
export function normalizeHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, "")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");
}

const ALIASES: Record<ImportField, readonly string[]> = {
  email: ["email", "correo", "correoelectronico", "correoe", "mail", "emailaddress", "direcciondecorreo", "direcciondecorreoelectronico"],
  givenName: ["nombre", "nombres", "firstname", "first", "givenname", "name", "forename", "nombrepila"],
  familyName: ["apellidos", "apellido", "lastname", "last", "surname", "surnames", "familyname"],
  country: ["pais", "country", "countryname"],
  state: ["estado", "state", "region", "provincia", "province", "stateprovince", "estadoprovincia", "stateregion"],
  city: ["ciudad", "city", "municipio", "localidad", "town"],
  language: ["idioma", "language", "lang", "lengua", "preferredlanguage", "idiomapreferido"],
  phone: ["telefono", "phone", "tel", "celular", "movil", "mobile", "phonenumber", "telephone", "numerodetelefono", "whatsapp"],
  tags: ["etiquetas", "etiqueta", "tags", "tag"],
  notes: ["notas", "nota", "notes", "note", "comentarios", "comments", "observaciones"],
  consentStatus: ["consentimiento", "consent", "consentstatus", "estadodeconsentimiento"],
  subscriptionStatus: ["suscripcion", "subscription", "subscriptionstatus", "estadodesuscripcion"],
};

/** Export columns that an import reads back but does not store (the import sets them itself). */
const IGNORED_EXPORT_COLUMNS: readonly ExportColumn[] = ["source", "createdAt"];

const BY_ALIAS = new Map<string, ImportField>();
for (const field of IMPORT_FIELDS) for (const alias of ALIASES[field]) BY_ALIAS.set(alias, field);
for (const lang of ["es", "en"] as const) {
  for (const [column, header] of Object.entries(EXPORT_HEADERS[lang]) as Array<[ExportColumn, string]>) {
    if (isImportField(column)) BY_ALIAS.set(normalizeHeader(header), column);
  }
}
const KNOWN_IGNORED = new Set<string>(
  (["es", "en"] as const).flatMap((lang) => IGNORED_EXPORT_COLUMNS.map((column) => normalizeHeader(EXPORT_HEADERS[lang][column]))),
);

export function fieldForHeader(header: string): ImportField | null {
  return BY_ALIAS.get(normalizeHeader(header)) ?? null;
}

/** A column as the operator sees it: its header, the field it fills (null: ignored). */
export type ColumnMapping = { header: string; field: ImportField | null };

/** Maps each header to a field; a field claimed twice keeps its first column. */
export function mapHeaders(headers: readonly string[]): ColumnMapping[] {
  const taken = new Set<ImportField>();
  return headers.map((raw) => {
    const header = raw.replace(/^\uFEFF/, "").trim();
    const field = fieldForHeader(header);
    if (field && !taken.has(field)) {
      taken.add(field);
      return { header, field };
    }
    return { header, field: null };
  });
}

/** Whether a header is an export column that the import reads and deliberately ignores. */
export function isKnownIgnoredHeader(header: string): boolean {
  return KNOWN_IGNORED.has(normalizeHeader(header));
}

export type MappingProblem = "noEmailColumn" | "duplicateField";

/** A mapping is usable when exactly one column holds the e-mail and no field is claimed twice. */
export function mappingProblem(columns: readonly ColumnMapping[]): MappingProblem | null {
  const seen = new Set<ImportField>();
  for (const column of columns) {
    if (!column.field) continue;
    if (seen.has(column.field)) return "duplicateField";
    seen.add(column.field);
  }
  return seen.has("email") ? null : "noEmailColumn";
}

/**
 * The delimiter of a header line for an import with its own columns: the candidate that names the
 * most known columns (by `columnFor`), then the one with the most cells. Shared by the imports
 * whose files are small tables (partners, citizen enquiries).
 */
export function detectDelimiterByColumns(header: string, columnFor: (header: string) => unknown): ImportDelimiter {
  let best: ImportDelimiter = ",";
  let bestScore = [-1, -1];
  for (const delimiter of [",", ";", "\t"] as const) {
    const cells = splitHeader(header, delimiter);
    if (cells.length < 2) continue;
    const score = [cells.map(columnFor).filter(Boolean).length, cells.length];
    if (score[0]! > bestScore[0]! || (score[0] === bestScore[0] && score[1]! > bestScore[1]!)) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

/** Each header → its column (BOM and spaces trimmed); a column claimed twice keeps its first header. */
export function mapHeadersToColumns<C extends string>(headers: readonly string[], columnFor: (header: string) => C | null): Array<{ header: string; column: C | null }> {
  const taken = new Set<C>();
  return headers.map((raw) => {
    const header = raw.replace(/^\uFEFF/, "").trim();
    const column = columnFor(header);
    if (column && !taken.has(column)) {
      taken.add(column);
      return { header, column };
    }
    return { header, column: null };
  });
}
