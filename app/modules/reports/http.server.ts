/** What the report's resource routes share: the month and version from the request, or a 404; the PDF answer. */
import type { T } from "~/i18n";
import { idParam, idQuery, notFound } from "~/lib/params";
import { fileBase, pdfOf } from "./export.server";
import { PdfBusyError, PdfUnavailableError } from "./pdf.server";
import { getReportView, ReportError, type ReportView } from "./reports.server";
import { sectionContext, SectionExtrasError, sectionRefusal, sectionUser, type SectionContext } from "./tables.server";

export async function viewFromRequest(request: Request, monthParam: string | undefined): Promise<ReportView> {
  const month = idParam(request, monthParam, "month");
  const version = idQuery(request, new URL(request.url).searchParams.get("version"), "int");
  try {
    return await getReportView(month, { version });
  } catch (error) {
    if (error instanceof ReportError && error.code === "notFound") throw notFound(request);
    throw error;
  }
}

/** A section's extras (tables, files) for whoever may read the section; otherwise its refusal (404, or 403 audited) is thrown. */
export async function sectionFromRequest(request: Request, user: { id: string; role: string; ineArea?: string | null }, month: string, key: string): Promise<SectionContext> {
  try {
    return await sectionContext(await sectionUser(user), month, key);
  } catch (error) {
    if (error instanceof SectionExtrasError) throw await sectionRefusal(request, user, error);
    throw error;
  }
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * The PDF download, or a 503 that says why and when to come back: no Chromium (an hour; the print
 * view meanwhile), or too many exports at once (seconds; the request is refused at once rather
 * than left waiting).
 */
export async function reportPdfResponse(view: ReportView, t: T): Promise<Response> {
  try {
    const bytes = await pdfOf(view);
    return new Response(new Uint8Array(bytes), {
      headers: { "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="${fileBase(view)}.pdf"`, "Cache-Control": "no-store" },
    });
  } catch (error) {
    const busy = error instanceof PdfBusyError;
    if (!busy && !(error instanceof PdfUnavailableError)) throw error;
    const printUrl = `/reports/${view.month}/print?version=${view.version}`;
    const title = t(busy ? "reports.pdf.busyTitle" : "reports.pdf.unavailableTitle");
    const text = t(busy ? "reports.pdf.busy" : "reports.pdf.unavailable");
    const html = `<!doctype html><html lang="es"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body><main><h1>${esc(title)}</h1><p>${esc(text)}</p><p><a href="${printUrl}">${esc(t("reports.export.print"))}</a></p></main></body></html>`;
    return new Response(html, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8", "Retry-After": busy ? "10" : "3600", "Cache-Control": "no-store" } });
  }
}
