import type { LoaderFunctionArgs } from "@remix-run/node";
import { attachment } from "~/components/contacts/download.server";
import { csvExportOptions } from "~/components/partners/csv-export.server";
import { requireActor } from "~/lib/actor.server";
import { monthParam } from "~/lib/params";
import { partnerActivitiesCsvStream } from "~/modules/partners/index.server";

/**
 * GET /partners/figures.csv?month=2017-11 (default: the current month), with optional delimiter=;
 * (or tab) and lang=en: the month's activities, one row per activity with its institutions joined.
 * Audited.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request, "read:partner");
  const params = new URL(request.url).searchParams;
  const month = monthParam(request, params.get("month"));
  const options = csvExportOptions(params);
  if (options instanceof Response) return options;
  const now = new Date();
  const [year, m] = month ? [Number(month.slice(0, 4)), Number(month.slice(5, 7))] : [now.getUTCFullYear(), now.getUTCMonth() + 1];
  return attachment(partnerActivitiesCsvStream(actor, year, m, options), `actividades-${year}-${String(m).padStart(2, "0")}.csv`);
}
