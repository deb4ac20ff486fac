/** Builds the report's exports from the view: the document model, DOCX, print HTML, PDF, annex CSV. */
import { csvLine, UTF8_BOM } from "~/modules/contacts/csv";
import { getSettings } from "~/modules/settings/settings.server";
import { annexTables, buildReportDocument, type ReportDocument } from "./document";
import { reportDocx } from "./docx.server";
import { htmlToPdf } from "./pdf.server";
import { reportPrintHtml } from "./print.server";
import type { ReportView } from "./reports.server";

export async function documentOf(view: ReportView): Promise<ReportDocument> {
  const { institutionName } = await getSettings();
  return buildReportDocument({ ...view, institutionName });
}

export async function docxOf(view: ReportView): Promise<Buffer> {
  return reportDocx(await documentOf(view));
}

export async function printHtmlOf(view: ReportView): Promise<string> {
  return reportPrintHtml(await documentOf(view));
}

export async function pdfOf(view: ReportView): Promise<Buffer> {
  const doc = await documentOf(view);
  return htmlToPdf(reportPrintHtml(doc), `${doc.title} — ${doc.monthLabel}`);
}

/** One annex table as CSV (UTF-8 with BOM), or null for an unknown table. */
export function annexCsv(view: ReportView, id: string, delimiter = ","): string | null {
  const table = annexTables(view.figures).find((a) => a.id === id);
  if (!table) return null;
  return UTF8_BOM + csvLine(table.headers, delimiter) + table.rows.map((r) => csvLine(r, delimiter)).join("");
}

export const fileBase = (view: ReportView) => `informe-avances-${view.month}-v${view.version}`;
