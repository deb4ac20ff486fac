import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/lib/actor.server";
import { parseDelimiter, parseExportLang } from "~/modules/contacts/index.server";
import { partnerActivitiesCsvStream } from "~/modules/partners/index.server";
import { monthParam } from "~/lib/params";

/**
 * GET /partners/figures.csv?month=2017-11 (default: the current month), with optional delimiter=;
 * (or tab) and lang=en: the month's activities, one row per activity with its institutions joined.
 * Audited.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request, "read:partner");
  const params = new URL(request.url).searchParams;
  const month = monthParam(request, params.get("month"));
  const delimiter = parseDelimiter(params.get("delimiter"));
  const lang = parseExportLang(params.get("lang"));
  if (!delimiter || !lang) {
    return new Response("delimiter must be , ; or tab, and lang es or en", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const now = new Date();
  const [year, m] = month ? [Number(month.slice(0, 4)), Number(month.slice(5, 7))] : [now.getUTCFullYear(), now.getUTCMonth() + 1];
  const stream = partnerActivitiesCsvStream(actor, year, m, { delimiter, lang });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="actividades-${year}-${String(m).padStart(2, "0")}.csv"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
