import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportAuditCsv } from "~/modules/audit/index.server";
import { auditQueryFromUrl } from "~/modules/audit";
import { clientIp, requirePermission } from "~/modules/auth/index.server";
import { dateParam, idQuery } from "~/lib/params";

/** GET /admin/audit.csv?<the page's filters>: the filtered log as a CSV download, streamed. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:audit");
  // A day that does not exist or a cursor past int8 is refused here; other mistyped filters are dropped.
  const url = new URL(request.url);
  dateParam(request, url.searchParams.get("from"));
  dateParam(request, url.searchParams.get("to"));
  idQuery(request, url.searchParams.get("cursor"), "bigint");
  const query = auditQueryFromUrl(url);
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
