/** Builds the report's exports from the view: the document model, DOCX, print HTML, PDF, annex CSV. */
import { createHash } from "node:crypto";
import { db } from "~/lib/db.server";
import { csvLine, UTF8_BOM } from "~/lib/csv";
import { blobStore } from "~/modules/files/storage.server";
import { getSettings } from "~/modules/settings/settings.server";
import { csvDate, csvDateTime } from "~/lib/format";
import { annexTables, buildReport, type AnnexDateKind, type ReportDocument, type SectionView } from "./document";
import { buildLegacyDocument, legacyAnnexTables } from "./document-v1";
import { reportDocx } from "./docx.server";
import { htmlToPdf } from "./pdf.server";
import { reportPrintHtml } from "./print.server";
import type { ReportView } from "./reports.server";

/** The document and, for the page, each section's state (a legacy version has no section views). */
export async function reportOf(view: ReportView): Promise<{ doc: ReportDocument; sections: SectionView[] }> {
  const { institutionName } = await getSettings();
  if (view.legacy) return { doc: buildLegacyDocument({ ...view, institutionName }), sections: [] };
  return buildReport({ ...view, institutionName });
}

export async function documentOf(view: ReportView): Promise<ReportDocument> {
  return (await reportOf(view)).doc;
}

export async function docxOf(view: ReportView): Promise<Buffer> {
  return reportDocx(await documentOf(view));
}

export async function printHtmlOf(view: ReportView): Promise<string> {
  return reportPrintHtml(await documentOf(view));
}

/** Renders the report's PDF now (Chromium), whatever its state. */
export async function renderPdf(view: ReportView): Promise<Buffer> {
  const doc = await documentOf(view);
  return htmlToPdf(reportPrintHtml(doc), `${doc.title} — ${doc.monthLabel}`);
}

// One render per approved version in this process, however many ask for it at once.
const rendering = new Map<string, Promise<Buffer>>();

/**
 * The report's PDF. An approved version never changes, so its PDF is rendered once, stored
 * (StoredFile) and linked from the version; every later export serves those bytes without
 * Chromium. A draft changes with the data and is rendered every time.
 */
export async function pdfOf(view: ReportView): Promise<Buffer> {
  if (view.state !== "APPROVED") return renderPdf(view);
  const key = { month_version: { month: view.month, version: view.version } };
  const row = await db.monthlyReport.findUnique({ where: key, select: { state: true, pdfSha256: true } });
  if (row?.state !== "APPROVED") return renderPdf(view);
  if (row.pdfSha256) {
    const stored = await blobStore().get(row.pdfSha256);
    if (stored) return Buffer.from(stored.bytes);
  }
  const flight = `${view.month}/v${view.version}`;
  const pending = rendering.get(flight);
  if (pending) return pending;
  const work = (async () => {
    const bytes = await renderPdf(view);
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    await blobStore().put(sha256, bytes, "application/pdf");
    // Another web instance may have stored its own render first: that one stays the version's PDF.
    // (Raw: linking a cache entry is not an edit of the version, so updatedAt stays.)
    const linked = await db.$executeRaw`
      UPDATE "MonthlyReport" SET "pdfSha256" = ${sha256}
      WHERE "month" = ${view.month} AND "version" = ${view.version} AND "state" = 'APPROVED' AND "pdfSha256" IS NULL`;
    if (linked === 0) {
      const winner = await db.monthlyReport.findUnique({ where: key, select: { pdfSha256: true } });
      const stored = winner?.pdfSha256 ? await blobStore().get(winner.pdfSha256) : null;
      if (stored) return Buffer.from(stored.bytes);
    }
    return bytes;
  })().finally(() => rendering.delete(flight));
  rendering.set(flight, work);
  return work;
}

/** One annex table as CSV (UTF-8 with BOM), or null for an unknown table. */
export function annexCsv(view: ReportView, id: string, delimiter = ","): string | null {
  const table = (view.legacy ? legacyAnnexTables(view.figures) : annexTables(view.figures)).find((a) => a.id === id);
  if (!table) return null;
  return UTF8_BOM + csvLine(table.headers, delimiter) + table.rows.map((r) => csvLine(r.map((v, column) => csvCell(v, table.dates[column])), delimiter)).join("");
}

/** CSV keeps machine forms: a date as YYYY-MM-DD, an instant as ISO 8601 UTC (decision 022). */
function csvCell(value: string | number | null, kind: AnnexDateKind | undefined): string | number | null {
  if (typeof value !== "string" || !kind) return value;
  return kind === "date" ? csvDate(value) : csvDateTime(value);
}

export const fileBase = (view: ReportView) => `informe-avances-${view.month}-v${view.version}`;
