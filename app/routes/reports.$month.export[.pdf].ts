import type { LoaderFunctionArgs } from "@remix-run/node";
import { makeT } from "~/i18n";
import { clientIp, requirePermission } from "~/modules/auth/session.server";
import { resolveLocale } from "~/modules/auth/locale.server";
import { audit } from "~/modules/audit/audit.server";
import { fileBase, pdfOf } from "~/modules/reports/export.server";
import { viewFromRequest } from "~/modules/reports/http.server";
import { PdfUnavailableError } from "~/modules/reports/pdf.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:report");
  const view = await viewFromRequest(request, params.month);
  try {
    const bytes = await pdfOf(view);
    await audit({ userId: user.id, ip: clientIp(request) }, { action: "report.export", entity: "MonthlyReport", entityId: `${view.month}/v${view.version}`, after: { format: "pdf" } });
    return new Response(new Uint8Array(bytes), {
      headers: { "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="${fileBase(view)}.pdf"`, "Cache-Control": "no-store" },
    });
  } catch (error) {
    if (!(error instanceof PdfUnavailableError)) throw error;
    const t = makeT(await resolveLocale(request, user));
    const printUrl = `/reports/${view.month}/print?version=${view.version}`;
    const html = `<!doctype html><html lang="es"><head><meta charset="utf-8"><title>${t("reports.pdf.unavailableTitle")}</title></head><body><main><h1>${t("reports.pdf.unavailableTitle")}</h1><p>${t("reports.pdf.unavailable")}</p><p><a href="${printUrl}">${t("reports.export.print")}</a></p></main></body></html>`;
    return new Response(html, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8", "Retry-After": "3600", "Cache-Control": "no-store" } });
  }
}
