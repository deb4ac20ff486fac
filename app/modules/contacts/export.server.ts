/**
 * CSV export of a filtered list or a segment, shared by the route (/contacts/export.csv) and the
 * CLI (`npx alcance contacts export`). Read in keyset pages of 5,000, written as they come: UTF-8
 * with a BOM (so Excel reads accents right), the EXPORT_COLUMNS in order under their Spanish (or
 * English) header, tags joined with ";", enums as their codes, dates in ISO 8601 UTC, every cell
 * through csvLine() (RFC 4180 quoting and formula neutralisation). Every export is audited.
 */
import { audit, type AuditActor } from "~/modules/audit/index.server";
import { csvLine, UTF8_BOM } from "./csv";
import { EXPORT_COLUMNS, EXPORT_HEADERS, TAG_SEPARATOR, type ContactValues, type ExportColumn } from "./fields";
import { filterToJson, type ContactFilter } from "./filter";
import { contactColumnsSql, contactWhere, selectPage } from "./query.server";

export const EXPORT_PAGE_SIZE = 5000;
export type ExportLang = "es" | "en";

export type ExportOptions = {
  delimiter?: string;
  lang?: ExportLang;
  pageSize?: number;
};

/** The delimiters an export may use: comma (default), semicolon, tab ("tab" or a real tab). */
export function parseDelimiter(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === "" || value === ",") return ",";
  if (value === ";") return ";";
  if (value === "\t" || value.toLowerCase() === "tab") return "\t";
  return null;
}

export function parseExportLang(value: string | null | undefined): ExportLang | null {
  if (value === null || value === undefined || value === "" || value === "es") return "es";
  if (value === "en") return "en";
  return null;
}

type ExportRow = Pick<ContactValues, ExportColumn>;

const EXPORT_SELECT = contactColumnsSql(EXPORT_COLUMNS);

function cells(row: ExportRow): unknown[] {
  return EXPORT_COLUMNS.map((column) => {
    if (column === "tags") return row.tags.join(TAG_SEPARATOR);
    if (column === "createdAt") return row.createdAt.toISOString();
    return row[column];
  });
}

export type ExportProgress = { rows: number; done: boolean };

/**
 * The CSV as text chunks: the BOM and header first, then one chunk per page. `progress` is updated
 * as rows are written (the caller audits the final count).
 */
export async function* contactsCsv(filter: ContactFilter, options: ExportOptions = {}, progress: ExportProgress = { rows: 0, done: false }): AsyncGenerator<string> {
  const delimiter = options.delimiter ?? ",";
  const headers = EXPORT_HEADERS[options.lang ?? "es"];
  yield UTF8_BOM + csvLine(
    EXPORT_COLUMNS.map((c) => headers[c]),
    delimiter,
  );
  const where = contactWhere(filter);
  const pageSize = options.pageSize ?? EXPORT_PAGE_SIZE;
  let cursor: Array<string | number> | null = null;
  for (;;) {
    const page: { rows: ExportRow[]; next: Array<string | number> | null } = await selectPage<ExportRow>(where, filter.sort, cursor, pageSize, EXPORT_SELECT);
    if (page.rows.length > 0) {
      let chunk = "";
      for (const row of page.rows) chunk += csvLine(cells(row), delimiter);
      progress.rows += page.rows.length;
      yield chunk;
    }
    if (!page.next) break;
    cursor = page.next;
  }
  progress.done = true;
}

export type ExportContext = { segment?: { id: string; name: string } | null; via: "web" | "cli" };

export function auditExport(actor: AuditActor, filter: ContactFilter, options: ExportOptions, context: ExportContext, progress: ExportProgress) {
  return audit(actor, {
    action: "contacts.export",
    entity: context.segment ? "segment" : "contact",
    entityId: context.segment?.id,
    after: {
      filter: filterToJson(filter),
      ...(context.segment ? { segment: context.segment.name } : {}),
      rows: progress.rows,
      complete: progress.done,
      delimiter: options.delimiter ?? ",",
      lang: options.lang ?? "es",
      via: context.via,
    },
  });
}

/**
 * The export as a byte stream for a Response. The audit entry is written when the last row has
 * been produced (with the row count), or when the download is cancelled (complete: false).
 */
export function contactsCsvStream(actor: AuditActor, filter: ContactFilter, options: ExportOptions, context: ExportContext): ReadableStream<Uint8Array> {
  const progress: ExportProgress = { rows: 0, done: false };
  const chunks = contactsCsv(filter, options, progress);
  const encoder = new TextEncoder();
  let audited = false;
  const finish = async () => {
    if (audited) return;
    audited = true;
    await auditExport(actor, filter, options, context, progress);
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) {
          await finish();
          controller.close();
        } else {
          controller.enqueue(encoder.encode(next.value));
        }
      } catch (error) {
        await finish().catch(() => undefined);
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
      await finish();
    },
  });
}

/** alcance-contactos-2026-11-28.csv (or -segmento-nombre). */
export function exportFileName(segmentName?: string | null, now = new Date()): string {
  const day = now.toISOString().slice(0, 10);
  const slug = segmentName
    ? `-${segmentName
        .normalize("NFD")
        .replace(/\p{M}/gu, "")
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, "")
        .slice(0, 40)}`
    : "";
  return `alcance-contactos${slug === "-" ? "" : slug}-${day}.csv`;
}
