/**
 * CSV export of the filtered institutions list: UTF-8 with a BOM, the PARTNER_CSV_COLUMNS under
 * their Spanish (or English) headers, enums as their codes, tags joined with ";", the parent by
 * name, every cell through the contacts' csvLine() (RFC 4180 quoting and formula neutralisation).
 * Read in keyset pages; audited. An export imports back as it is.
 *
 * Also the month's activities (the figures page's CSV): one row per activity with all its
 * institutions joined — a shared activity is one row, as it is one activity.
 */
import { audit, type AuditActor } from "~/modules/audit/index.server";
import { csvLine, UTF8_BOM } from "~/modules/contacts";
import { db } from "~/lib/db.server";
import { PARTNER_CSV_COLUMNS, PARTNER_CSV_HEADERS } from "./fields";
import { partnerFilterToSearchParams, type PartnerFilter } from "./filter";
import { partnerActivitiesOfMonth } from "./figures.server";
import { listPartners } from "./query.server";

/**
 * One CSV for both exports: the header line under a BOM, then each keyset page's rows mapped to
 * `columns`, then the audit entry with the row count. `next` fetches a page after `cursor`.
 */
async function* keysetCsv<Column extends string, Row, Cursor>(spec: {
  columns: readonly Column[];
  headers: Record<Column, string>;
  delimiter: string;
  next: (cursor: Cursor | null) => Promise<{ rows: Row[]; next: Cursor | null }>;
  values: (rows: Row[]) => Promise<Record<Column, unknown>[]>;
  audit: (rows: number) => Promise<unknown>;
}): AsyncGenerator<string> {
  const { columns, delimiter } = spec;
  yield UTF8_BOM + csvLine(columns.map((c) => spec.headers[c]), delimiter);
  let cursor: Cursor | null = null;
  let rows = 0;
  do {
    const page: { rows: Row[]; next: Cursor | null } = await spec.next(cursor);
    const out = (await spec.values(page.rows)).map((values) => csvLine(columns.map((c) => values[c]), delimiter)).join("");
    rows += page.rows.length;
    if (out) yield out;
    cursor = page.next;
  } while (cursor);
  await spec.audit(rows);
}

/** A CSV generator as a byte stream that pulls one page at a time. */
function streamOf(iterator: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    async pull(controller) {
      try {
        const { value, done } = await iterator.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await iterator.return(undefined);
    },
  });
}

type CsvOptions = { delimiter?: string; lang?: "es" | "en"; pageSize?: number };

export function partnersCsv(actor: AuditActor, filter: PartnerFilter, options: CsvOptions = {}): AsyncGenerator<string> {
  const lang = options.lang ?? "es";
  return keysetCsv({
    columns: PARTNER_CSV_COLUMNS,
    headers: PARTNER_CSV_HEADERS[lang],
    delimiter: options.delimiter ?? ",",
    next: async (cursor: string | null) => {
      const page = await listPartners(filter, cursor, { pageSize: options.pageSize ?? 500 });
      return { rows: page.rows, next: page.nextCursor };
    },
    values: async (rows) => {
      const details = await db.partner.findMany({ where: { id: { in: rows.map((r) => r.id) } }, select: { id: true, website: true, notes: true } });
      const byId = new Map(details.map((d) => [d.id, d]));
      return rows.map((row) => {
        const extra = byId.get(row.id);
        return { ...row, parent: row.parentName, tags: row.tags.join(";"), website: extra?.website ?? null, notes: extra?.notes ?? null };
      });
    },
    audit: (rows) =>
      audit(actor, {
        action: "partners.export",
        entity: "partner",
        after: { filter: Object.fromEntries(partnerFilterToSearchParams(filter)), rows, lang },
      }),
  });
}

export function partnersCsvStream(actor: AuditActor, filter: PartnerFilter, options: Omit<CsvOptions, "pageSize"> = {}): ReadableStream<Uint8Array> {
  return streamOf(partnersCsv(actor, filter, options));
}

// ── The month's activities (the figures page's CSV) ────────────────────────────────────────────

/** One row per activity, however many institutions took part: their names joined with "; ". */
export const ACTIVITY_CSV_COLUMNS = [
  "date",
  "kind",
  "reportPart",
  "institutions",
  "institutionKinds",
  "summary",
  "peopleReached",
  "itemsDistributed",
  "bulletinRecipients",
  "event",
] as const;
type ActivityCsvColumn = (typeof ACTIVITY_CSV_COLUMNS)[number];

export const ACTIVITY_CSV_HEADERS: Record<"es" | "en", Record<ActivityCsvColumn, string>> = {
  es: {
    date: "fecha",
    kind: "tipo de actividad",
    reportPart: "parte del informe",
    institutions: "instituciones",
    institutionKinds: "tipos de institución",
    summary: "resumen",
    peopleReached: "personas alcanzadas",
    itemsDistributed: "materiales distribuidos",
    bulletinRecipients: "destinatarios del boletín",
    event: "evento",
  },
  en: {
    date: "date",
    kind: "activity kind",
    reportPart: "report part",
    institutions: "institutions",
    institutionKinds: "institution kinds",
    summary: "summary",
    peopleReached: "people reached",
    itemsDistributed: "items distributed",
    bulletinRecipients: "bulletin recipients",
    event: "event",
  },
};

export const INSTITUTIONS_JOINER = "; ";

/** The month's activities as CSV (UTF-8 with a BOM, enums as codes, formula-neutralised), keyset-paged; audited. */
export function partnerActivitiesCsv(actor: AuditActor, year: number, month: number, options: CsvOptions = {}): AsyncGenerator<string> {
  const lang = options.lang ?? "es";
  return keysetCsv({
    columns: ACTIVITY_CSV_COLUMNS,
    headers: ACTIVITY_CSV_HEADERS[lang],
    delimiter: options.delimiter ?? ",",
    next: (after: { date: string; id: string } | null) => partnerActivitiesOfMonth(year, month, { after, pageSize: options.pageSize ?? 500 }),
    values: async (rows) =>
      rows.map((a) => ({
        date: a.date,
        kind: a.kind,
        reportPart: a.reportPart,
        institutions: a.institutions.map((i) => i.name).join(INSTITUTIONS_JOINER),
        institutionKinds: [...new Set(a.institutions.map((i) => i.kind))].join(INSTITUTIONS_JOINER),
        summary: a.summary,
        peopleReached: a.peopleReached,
        itemsDistributed: a.itemsDistributed,
        bulletinRecipients: a.bulletinRecipients,
        event: a.event?.name ?? null,
      })),
    audit: (rows) =>
      audit(actor, {
        action: "partners.activities.export",
        entity: "partner",
        after: { month: `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`, rows, lang },
      }),
  });
}

export function partnerActivitiesCsvStream(actor: AuditActor, year: number, month: number, options: Omit<CsvOptions, "pageSize"> = {}): ReadableStream<Uint8Array> {
  return streamOf(partnerActivitiesCsv(actor, year, month, options));
}
