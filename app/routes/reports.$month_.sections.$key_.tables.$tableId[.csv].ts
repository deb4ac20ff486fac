import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, routeParams } from "~/lib/params";
import { audit } from "~/modules/audit/index.server";
import { clientIp, requireUser } from "~/modules/auth/index.server";
import { getTable, sectionFromRequest, tableCsv } from "~/modules/reports/index.server";

/** One section table as CSV (UTF-8 with BOM; `?delimiter=;` for Excel in Spanish): whoever may read the section. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { month, key, tableId } = routeParams(request, params, { month: "month", key: "key", tableId: "key" });
  await sectionFromRequest(request, user, month, key);
  const table = await getTable(month, key, tableId);
  if (!table) throw notFound(request);
  const delimiter = new URL(request.url).searchParams.get("delimiter") === ";" ? ";" : ",";
  await audit({ userId: user.id, ip: clientIp(request) }, { action: "report.export", entity: "ReportTable", entityId: table.id, after: { format: "csv", month, section: key } });
  const name = `informe-${month}-${key}-tabla-${table.position + 1}`;
  return new Response(tableCsv(table, delimiter), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${name}.csv"`, "Cache-Control": "no-store" },
  });
}
