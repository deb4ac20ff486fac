/**
 * CSV export of a filtered list or a segment, shared by the route (/contacts/export.csv) and the
 * CLI (`npx alcance contacts export`): UTF-8 with a BOM (so Excel reads accents right), the
 * EXPORT_COLUMNS in order under their Spanish (or English) header, tags joined with ";", enums as
 * their codes, dates in ISO 8601 UTC, every cell as csvLine() writes it (RFC 4180 quoting and
 * formula neutralisation). PostgreSQL writes the rows (one COPY, ~/lib/csv-copy.server); Node writes
 * the header and passes the bytes on. Every export is audited.
 */
import pg from "pg";
import { copyCsv, csvTextSql, sqlWithLiterals } from "~/lib/csv-copy.server";
import { Prisma } from "~/lib/db.server";
import { env } from "~/lib/env.server";
import { audit, type AuditActor } from "~/modules/audit/index.server";
import { csvLine, UTF8_BOM } from "./csv";
import { CONTACT_FIELDS, EXPORT_COLUMNS, EXPORT_HEADERS, TAG_SEPARATOR, type ExportColumn } from "./fields";
import { filterToJson, type ContactFilter } from "./filter";
import { contactWhere, orderedSelectSql } from "./query.server";

export type ExportLang = "es" | "en";

export type ExportOptions = {
  delimiter?: string;
  lang?: ExportLang;
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

/** A column's value as the CSV's text: codes as text, tags joined as Array.join joins them, the creation instant as Date.toISOString() writes it (the column keeps milliseconds). */
function cellText(column: ExportColumn): string {
  if (column === "tags") return `array_to_string("tags", '${TAG_SEPARATOR}')`;
  if (column === "createdAt") return `to_char("createdAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  return CONTACT_FIELDS[column].kind === "code" ? `"${column}"::text` : `"${column}"`;
}

/** The export's SELECT list: each cell's final CSV text, named "_c<i>" (no Contact column's name, see orderedSelectSql). */
const EXPORT_CELLS = Prisma.raw(EXPORT_COLUMNS.map((column, i) => `${csvTextSql(cellText(column))} AS "_c${i}"`).join(", "));

/** The COPY's query for a filter, its values written in (COPY takes no parameters). */
export function exportSelectSql(filter: ContactFilter): string {
  return sqlWithLiterals(orderedSelectSql(contactWhere(filter), filter.sort, EXPORT_CELLS));
}

export const EXPORT_APPLICATION_NAME = "alcance-contacts-export";

const globalForExport = globalThis as unknown as { __alcanceExportPool?: pg.Pool };

/**
 * The export's own connections (a COPY holds one for the whole download). Four exports at once at
 * most; more wait for a connection. Idle connections let a process exit.
 */
export function exportPool(): pg.Pool {
  if (!globalForExport.__alcanceExportPool) {
    const pool = new pg.Pool({
      connectionString: env().DATABASE_URL,
      // What pg_stat_activity shows for a long COPY (its query text is cut at 1 kB).
      application_name: EXPORT_APPLICATION_NAME,
      max: 4,
      idleTimeoutMillis: 10_000,
      allowExitOnIdle: true,
    });
    // An idle connection closed by the server (restart, terminate): the pool drops it and the next
    // query opens another. Without a listener the 'error' event would end the process.
    pool.on("error", () => undefined);
    globalForExport.__alcanceExportPool = pool;
  }
  return globalForExport.__alcanceExportPool;
}

export type ExportProgress = { rows: number; done: boolean };

/**
 * The CSV as byte chunks: the BOM and header first, then the rows as PostgreSQL sends them.
 * `progress` counts the rows yielded (the caller audits the final count). Aborting `signal`, or
 * returning early, stops the query and releases its connection.
 */
export async function* contactsCsv(
  filter: ContactFilter,
  options: ExportOptions = {},
  progress: ExportProgress = { rows: 0, done: false },
  signal?: AbortSignal,
): AsyncGenerator<Uint8Array> {
  const delimiter = options.delimiter ?? ",";
  const headers = EXPORT_HEADERS[options.lang ?? "es"];
  yield Buffer.from(
    UTF8_BOM +
      csvLine(
        EXPORT_COLUMNS.map((c) => headers[c]),
        delimiter,
      ),
  );
  yield* copyCsv(exportPool(), exportSelectSql(filter), { delimiter, signal, onRows: (rows) => (progress.rows += rows) });
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
  // A cancelled download stops the query at once, even while a read is waiting on PostgreSQL.
  const abort = new AbortController();
  const chunks = contactsCsv(filter, options, progress, abort.signal);
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
          controller.enqueue(next.value);
        }
      } catch (error) {
        await finish().catch(() => undefined);
        controller.error(error);
      }
    },
    async cancel() {
      abort.abort();
      await chunks.return(undefined).catch(() => undefined);
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
