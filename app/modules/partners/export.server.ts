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

export async function* partnersCsv(
  actor: AuditActor,
  filter: PartnerFilter,
  options: { delimiter?: string; lang?: "es" | "en"; pageSize?: number } = {}
): AsyncGenerator<string> {
  const delimiter = options.delimiter ?? ",";
  const headers = PARTNER_CSV_HEADERS[options.lang ?? "es"];
  yield UTF8_BOM +
    csvLine(
      PARTNER_CSV_COLUMNS.map((c) => headers[c]),
      delimiter
    );
  let cursor: string | null = null;
  let rows = 0;
  do {
    const page = await listPartners(filter, cursor, { pageSize: options.pageSize ?? 500 });
    const details = await db.partner.findMany({ where: { id: { in: page.rows.map((r) => r.id) } }, select: { id: true, website: true, notes: true } });
    const byId = new Map(details.map((d) => [d.id, d]));
    let out = "";
    for (const row of page.rows) {
      const extra = byId.get(row.id);
      const values: Record<string, unknown> = {
        ...row,
        parent: row.parentName,
        tags: row.tags.join(";"),
        website: extra?.website ?? null,
        notes: extra?.notes ?? null,
      };
      out += csvLine(
        PARTNER_CSV_COLUMNS.map((c) => values[c]),
        delimiter
      );
    }
    rows += page.rows.length;
    if (out) yield out;
    cursor = page.nextCursor;
  } while (cursor);
  await audit(actor, {
    action: "partners.export",
    entity: "partner",
    after: { filter: Object.fromEntries(partnerFilterToSearchParams(filter)), rows, lang: options.lang ?? "es" },
  });
}

export function partnersCsvStream(
  actor: AuditActor,
  filter: PartnerFilter,
  options: { delimiter?: string; lang?: "es" | "en" } = {}
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = partnersCsv(actor, filter, options);
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
export async function* partnerActivitiesCsv(
  actor: AuditActor,
  year: number,
  month: number,
  options: { delimiter?: string; lang?: "es" | "en"; pageSize?: number } = {}
): AsyncGenerator<string> {
  const delimiter = options.delimiter ?? ",";
  const headers = ACTIVITY_CSV_HEADERS[options.lang ?? "es"];
  yield UTF8_BOM +
    csvLine(
      ACTIVITY_CSV_COLUMNS.map((c) => headers[c]),
      delimiter
    );
  let after: { date: string; id: string } | null = null;
  let rows = 0;
  do {
    const page: Awaited<ReturnType<typeof partnerActivitiesOfMonth>> = await partnerActivitiesOfMonth(year, month, { after, pageSize: options.pageSize ?? 500 });
    let out = "";
    for (const a of page.rows) {
      const values: Record<ActivityCsvColumn, unknown> = {
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
      };
      out += csvLine(
        ACTIVITY_CSV_COLUMNS.map((c) => values[c]),
        delimiter
      );
    }
    rows += page.rows.length;
    if (out) yield out;
    after = page.next;
  } while (after);
  await audit(actor, {
    action: "partners.activities.export",
    entity: "partner",
    after: { month: `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`, rows, lang: options.lang ?? "es" },
  });
}

export function partnerActivitiesCsvStream(
  actor: AuditActor,
  year: number,
  month: number,
  options: { delimiter?: string; lang?: "es" | "en" } = {}
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = partnerActivitiesCsv(actor, year, month, options);
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
