/**
 * One record of an institutions file → the institution as it will be stored, or the reason it is
 * rejected. Pure and shared by the preview, the dry run and the import, so the three agree.
 * Reasons are stable codes and translation keys `partners.import.reasons.<code>`.
 */
import { detectDelimiterByColumns, headerLine, mapHeadersToColumns, normalizeHeader, type ImportDelimiter } from "~/modules/contacts";
import type { PartnerKind, PartnerStatus } from "~/generated/prisma/enums";
import {
  ACRONYM_MAX,
  columnForHeader,
  NAME_MAX,
  normalizeRegion,
  normalizeTags,
  normalizeWebsite,
  NOTES_MAX,
  parseKind,
  parseStatus,
  PLACE_MAX,
  TAGS_MAX,
  type PartnerCsvColumn,
} from "./fields";

export const PARTNER_REJECT_REASONS = [
  "tooFewFields",
  "tooManyFields",
  "malformedQuotes",
  "missingName",
  "missingKind",
  "invalidKind",
  "invalidStatus",
  "invalidCountry",
  "invalidState",
  "invalidWebsite",
  "valueTooLong",
  "tooManyTags",
  "duplicateInFile",
  "unknownParent",
  "selfParent",
] as const;
export type PartnerRejectReason = (typeof PARTNER_REJECT_REASONS)[number];

export type PartnerRow = {
  name: string;
  acronym: string | null;
  kind: PartnerKind;
  parent: string | null;
  country: string | null;
  state: string | null;
  city: string | null;
  website: string | null;
  tags: string[];
  status: PartnerStatus;
  notes: string | null;
};

export type PartnerRowOutcome = { ok: true; row: PartnerRow } | { ok: false; reason: PartnerRejectReason; name: string | null } | { ok: "blank" };

export type PartnerColumnMapping = { header: string; column: PartnerCsvColumn | null };
export type PartnerFileProblem = "emptyFile" | "headerOnly" | "noNameColumn" | "noKindColumn" | "duplicateColumn";

/** The delimiter from the header line: the candidate that names the most known columns, then the most frequent. */
export function detectPartnerDelimiter(header: string): ImportDelimiter {
  return detectDelimiterByColumns(header, columnForHeader);
}

/** Maps each header to a column; a column claimed twice keeps its first header. */
export function mapPartnerHeaders(headers: readonly string[]): PartnerColumnMapping[] {
  return mapHeadersToColumns<PartnerCsvColumn>(headers, columnForHeader);
}

export function partnerMappingProblem(columns: readonly PartnerColumnMapping[]): PartnerFileProblem | null {
  const mapped = new Set(columns.map((c) => c.column).filter(Boolean));
  if (!mapped.has("name")) return "noNameColumn";
  if (!mapped.has("kind")) return "noKindColumn";
  return null;
}

export { headerLine };

function unneutralize(value: string): string {
  return value.length > 1 && value.charCodeAt(0) === 39 && /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

function singleLine(value: string): string {
  return unneutralize(value).trim().replace(/\s+/g, " ").normalize("NFC");
}

/**
 * The row as it will be stored. `expected` is the header's number of fields. `kindLabels` maps the
 * translated kind labels (normalised) to kinds, so "Universidad" and "University" both work.
 */
export function toPartnerRow(
  fields: readonly string[],
  expected: number,
  columns: readonly PartnerColumnMapping[],
  quoteError = false,
  kindLabels: Readonly<Record<string, PartnerKind>> = {}
): PartnerRowOutcome {
  if (fields.every((f) => f.trim() === "")) return { ok: "blank" };
  const index = new Map<PartnerCsvColumn, number>();
  columns.forEach((c, i) => {
    if (c.column && !index.has(c.column)) index.set(c.column, i);
  });
  const cell = (column: PartnerCsvColumn) => {
    const i = index.get(column);
    return i === undefined ? "" : fields[i] ?? "";
  };
  const name = singleLine(cell("name")) || null;
  const reject = (reason: PartnerRejectReason): PartnerRowOutcome => ({ ok: false, reason, name });
  if (quoteError) return reject("malformedQuotes");
  if (fields.length < expected) return reject("tooFewFields");
  if (fields.length > expected) return reject("tooManyFields");
  if (!name) return reject("missingName");
  const kindCell = singleLine(cell("kind"));
  if (!kindCell) return reject("missingKind");
  const kind = parseKind(kindCell, kindLabels);
  if (!kind) return reject("invalidKind");
  const statusCell = singleLine(cell("status"));
  const status = statusCell ? parseStatus(statusCell) : "ACTIVE";
  if (!status) return reject("invalidStatus");
  // Country and state through the one normaliser (ISO codes); an institution with an unknown one is
  // rejected (a handful of rows, fixed in the file) rather than imported half-located.
  const region = normalizeRegion(singleLine(cell("country")), singleLine(cell("state")));
  if (region.unknown.some((u) => u.field === "country")) return reject("invalidCountry");
  if (region.unknown.length) return reject("invalidState");
  const { country } = region;
  const website = normalizeWebsite(singleLine(cell("website")));
  if (website === false) return reject("invalidWebsite");
  const optional = (column: PartnerCsvColumn, max: number): string | null | false => {
    const value = singleLine(cell(column));
    if (!value) return null;
    return value.length > max ? false : value;
  };
  const acronym = optional("acronym", ACRONYM_MAX);
  const parent = optional("parent", NAME_MAX);
  const state = region.state && region.state.length > PLACE_MAX ? false : region.state;
  const city = optional("city", PLACE_MAX);
  const notesCell = unneutralize(cell("notes")).trim().replace(/\r\n?/g, "\n").normalize("NFC");
  if (name.length > NAME_MAX || acronym === false || parent === false || state === false || city === false || notesCell.length > NOTES_MAX)
    return reject("valueTooLong");
  const tags = normalizeTags(unneutralize(cell("tags")));
  if (tags.length > TAGS_MAX) return reject("tooManyTags");
  if (parent && (normalizeHeader(parent) === normalizeHeader(name) || (acronym && normalizeHeader(parent) === normalizeHeader(acronym))))
    return reject("selfParent");
  return { ok: true, row: { name, acronym, kind, parent, country, state, city, website, tags, status, notes: notesCell || null } };
}
