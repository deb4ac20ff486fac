/**
 * CSV export of a filtered list or a segment, shared by the route (/contacts/export.csv) and the
 * CLI (`npx alcance contacts export`). Read in keyset pages of 10,000, written as they come: UTF-8
 * with a BOM (so Excel reads accents right), the EXPORT_COLUMNS in order under their Spanish (or
 * English) header, tags joined with ";", enums as their codes, dates in ISO 8601 UTC, every cell
 * through csvLine() (RFC 4180 quoting and formula neutralisation). Every export is audited.
 */
import pg from "pg";
import { Prisma, withoutNul } from "~/lib/db.server";
import { env } from "~/lib/env.server";
import { audit, type AuditActor } from "~/modules/audit/index.server";
import { csvCell, csvLine, UTF8_BOM } from "./csv";
import { EXPORT_COLUMNS, EXPORT_HEADERS, TAG_SEPARATOR } from "./fields";
import { filterToJson, type ContactFilter } from "./filter";
import { contactColumnsSql, contactWhere, keysetPageSql } from "./query.server";

export const EXPORT_PAGE_SIZE = 10_000;
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

/**
 * The export's SELECT list: every cell already the text the CSV holds, so rows are read without
 * any type parsing — codes as text, tags joined with TAG_SEPARATOR (array_to_string, same order as
 * Array.join), the creation instant as ISO 8601 UTC with milliseconds (what Date.toISOString()
 * wrote; the column keeps milliseconds).
 */
const EXPORT_SELECT = Prisma.raw(
  EXPORT_COLUMNS.map((column) => {
    if (column === "tags") return `array_to_string("tags", '${TAG_SEPARATOR}') AS "tags"`;
    if (column === "createdAt") return `to_char("createdAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt"`;
    return contactColumnsSql([column]).sql;
  }).join(", "),
);

// Every value as PostgreSQL's text (null stays null): nothing parsed into Dates or arrays.
const AS_TEXT = { getTypeParser: () => (value: string) => value };

const globalForExport = globalThis as unknown as { __alcanceExportPool?: pg.Pool };

/**
 * The export's own connections. Pages are read with node-postgres directly (not the ORM, whose
 * row mapping cost three times the rest of an export; see bench/export.ts and decision 032).
 * Four exports at once at most; more wait for a connection. Idle connections let a process exit.
 */
function exportPool(): pg.Pool {
  if (!globalForExport.__alcanceExportPool) {
    const pool = new pg.Pool({ connectionString: env().DATABASE_URL, max: 4, idleTimeoutMillis: 10_000, allowExitOnIdle: true });
    // An idle connection closed by the server (restart, terminate): the pool drops it and the next
    // query opens another. Without a listener the 'error' event would end the process.
    pool.on("error", () => undefined);
    globalForExport.__alcanceExportPool = pool;
  }
  return globalForExport.__alcanceExportPool;
}

type Page = { rows: unknown[][]; cursor: Array<string | number> | null };

async function readPage(filter: ContactFilter, where: Prisma.Sql, cursor: Array<string | number> | null, pageSize: number): Promise<Page> {
  // One row more than the page tells whether another page follows.
  const { sql, keyCount, nextCursor } = keysetPageSql(where, filter.sort, cursor, pageSize + 1, EXPORT_SELECT);
  const result = await exportPool().query<unknown[]>({ text: sql.text, values: withoutNul(sql.values), rowMode: "array", types: AS_TEXT });
  const rows = result.rows;
  if (rows.length <= pageSize) return { rows, cursor: null };
  rows.length = pageSize;
  const last = rows[pageSize - 1]!;
  return { rows, cursor: nextCursor(last.slice(last.length - keyCount)) };
}

/** A row's cells (the key columns after them are left out) as one CSV line, as csvLine() writes it. */
function rowLine(row: unknown[], delimiter: string): string {
  let line = csvCell(row[0], delimiter);
  for (let i = 1; i < EXPORT_COLUMNS.length; i++) line += delimiter + csvCell(row[i], delimiter);
  return line + "\r\n";
}

export type ExportProgress = { rows: number; done: boolean };

/**
 * The CSV as text chunks: the BOM and header first, then one chunk per page. `progress` is updated
 * as rows are written (the caller audits the final count). The next page is asked for as soon as
 * a page arrives, so PostgreSQL reads it while this one is written.
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
  let next: Promise<Page> | null = readPage(filter, where, null, pageSize);
  try {
    while (next) {
      const page: Page = await next;
      next = page.cursor ? readPage(filter, where, page.cursor, pageSize) : null;
      if (page.rows.length > 0) {
        let chunk = "";
        for (const row of page.rows) chunk += rowLine(row, delimiter);
        progress.rows += page.rows.length;
        yield chunk;
      }
    }
  } finally {
    // Cancelled mid-way: the page already asked for is not left as an unhandled rejection.
    void next?.catch(() => undefined);
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
