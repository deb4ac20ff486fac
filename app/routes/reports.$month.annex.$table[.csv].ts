import type { LoaderFunctionArgs } from "@remix-run/node";
import { clientIp, requirePermission } from "~/modules/auth/index.server";
import { audit } from "~/modules/audit/index.server";
import { annexCsv, fileBase } from "~/modules/reports/index.server";
import { viewFromRequest } from "~/modules/reports/index.server";
import { notFound } from "~/lib/params";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:report");
  const view = await viewFromRequest(request, params.month);
  const delimiter = new URL(request.url).searchParams.get("delimiter") === ";" ? ";" : ",";
  const csv = annexCsv(view, params.table ?? "", delimiter);
  if (csv === null) throw notFound(request);
  await audit({ userId: user.id, ip: clientIp(request) }, { action: "report.export", entity: "MonthlyReport", entityId: `${view.month}/v${view.version}`, after: { format: "csv", table: params.table } });
  return new Response(csv, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${fileBase(view)}-${params.table}.csv"`, "Cache-Control": "no-store" },
  });
}
