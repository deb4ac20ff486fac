import type { LoaderFunctionArgs } from "@remix-run/node";
import { clientIp, requirePermission } from "~/modules/auth/session.server";
import { eventsCsvStream } from "~/modules/events/query.server";
import { filterFromSearchParams } from "~/modules/events/schema";
import { viewerZone } from "~/modules/events/viewer.server";

/** The filtered events list as CSV (UTF-8 with BOM; ?delimiter=; and ?lang=en available). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:event");
  const url = new URL(request.url);
  const filter = filterFromSearchParams(url.searchParams);
  const delimiter = url.searchParams.get("delimiter") === ";" ? ";" : ",";
  const lang = url.searchParams.get("lang") === "en" ? "en" : "es";
  const stream = eventsCsvStream({ userId: user.id, ip: clientIp(request) }, filter, await viewerZone(user), { delimiter, lang });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="alcance-eventos-${day}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
