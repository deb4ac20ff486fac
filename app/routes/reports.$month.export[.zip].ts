import type { LoaderFunctionArgs } from "@remix-run/node";
import { clientIp, requirePermission } from "~/modules/auth/index.server";
import { audit } from "~/modules/audit/index.server";
import { makeT } from "~/i18n";
import { exportZip } from "~/modules/reports/index.server";
import { fileBase } from "~/modules/reports/index.server";
import { reportPdfResponse, viewFromRequest } from "~/modules/reports/index.server";
import { PdfBusyError, PdfUnavailableError } from "~/modules/reports/index.server";

/** The report as delivered: its DOCX, its PDF and the annexes' attached files, in one ZIP. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:report");
  const view = await viewFromRequest(request, params.month);
  let bytes: Uint8Array;
  try {
    bytes = await exportZip(view);
  } catch (error) {
    // No Chromium, or too many exports at once: the PDF download's own 503 says why and when to return.
    if (error instanceof PdfBusyError || error instanceof PdfUnavailableError) return reportPdfResponse(view, makeT(user.locale));
    throw error;
  }
  await audit({ userId: user.id, ip: clientIp(request) }, { action: "report.export", entity: "MonthlyReport", entityId: `${view.month}/v${view.version}`, after: { format: "zip" } });
  return new Response(new Uint8Array(bytes), {
    headers: { "Content-Type": "application/zip", "Content-Disposition": `attachment; filename="${fileBase(view)}.zip"`, "Cache-Control": "no-store" },
  });
}
