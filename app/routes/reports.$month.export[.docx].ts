import type { LoaderFunctionArgs } from "@remix-run/node";
import { clientIp, requirePermission } from "~/modules/auth/index.server";
import { audit } from "~/modules/audit/index.server";
import { docxOf, fileBase } from "~/modules/reports/index.server";
import { viewFromRequest } from "~/modules/reports/index.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:report");
  const view = await viewFromRequest(request, params.month);
  const bytes = await docxOf(view);
  await audit({ userId: user.id, ip: clientIp(request) }, { action: "report.export", entity: "MonthlyReport", entityId: `${view.month}/v${view.version}`, after: { format: "docx" } });
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "Content-Disposition": `attachment; filename="${fileBase(view)}.docx"`,
      "Cache-Control": "no-store",
    },
  });
}
