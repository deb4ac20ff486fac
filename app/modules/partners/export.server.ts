/**
 * CSV export of the filtered institutions list: UTF-8 with a BOM, the PARTNER_CSV_COLUMNS under
 * their Spanish (or English) headers, enums as their codes, tags joined with ";", the parent by
 * name, every cell through the contacts' csvLine() (RFC 4180 quoting and formula neutralisation).
 * Read in keyset pages; audited. An export imports back as it is.
 */
import { audit, type AuditActor } from "~/modules/audit/audit.server";
import { csvLine, UTF8_BOM } from "~/modules/contacts/csv";
import { db } from "~/lib/db.server";
import { PARTNER_CSV_COLUMNS, PARTNER_CSV_HEADERS } from "./fields";
import { partnerFilterToSearchParams, type PartnerFilter } from "./filter";
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
