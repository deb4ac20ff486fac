import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportAuditCsv } from "~/modules/audit/audit-query.server";
import { auditQueryFromUrl } from "~/modules/audit/schema";
import { clientIp, requirePermission } from "~/modules/auth/session.server";

/** GET /admin/audit.csv?<the page's filters>: the filtered log as a CSV download, streamed. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:audit");
  const query = auditQueryFromUrl(request.url);
  const { stream, fileName } = await exportAuditCsv({ userId: user.id, ip: clientIp(request) }, query, user);
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
