import type { LoaderFunctionArgs } from "@remix-run/node";
import { makeT } from "~/i18n";
import { clientIp, requirePermission } from "~/modules/auth/index.server";
import { resolveLocale } from "~/modules/auth/index.server";
import { audit } from "~/modules/audit/index.server";
import { reportPdfResponse, viewFromRequest } from "~/modules/reports/index.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:report");
  const view = await viewFromRequest(request, params.month);
  const response = await reportPdfResponse(view, makeT(await resolveLocale(request, user)));
  if (response.ok) {
    await audit({ userId: user.id, ip: clientIp(request) }, { action: "report.export", entity: "MonthlyReport", entityId: `${view.month}/v${view.version}`, after: { format: "pdf" } });
  }
  return response;
}
