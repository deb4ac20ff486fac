import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/lib/actor.server";
import { badRequest } from "~/lib/params";
import { auditQueryFromUrl, exportAuditCsv } from "~/modules/audit/index.server";

/**
 * GET /admin/audit.csv?<the page's filters>: the filtered log as a CSV download, streamed. A filter
 * the page would ignore is a 400 here (lib/filters.ts): a file cannot carry the page's note, and
 * exporting more than was asked is worse than no file. The page's link never carries one.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user, actor } = await requireActor(request, "read:audit");
  const { query, ignored } = auditQueryFromUrl(request.url);
  if (ignored.length > 0) throw badRequest(request);
  const { stream, fileName } = await exportAuditCsv(actor, query, user);
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
