import type { LoaderFunctionArgs } from "@remix-run/node";
import { clientIp, requirePermission } from "~/modules/auth/index.server";
import { csvResponse } from "~/modules/contest/index.server";
import { resultsCsv } from "~/modules/jury/index.server";
import { idParam } from "~/lib/params";
import { refusalResponse } from "~/lib/http.server";

/** GET /jury/:contestId/results.csv: the ranking with its breakdown (per juror once the jury is closed). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, ["manage:jury", "read:jury-results"]);
  const contestId = idParam(request, params.contestId, "key");
  const body = await resultsCsv({ userId: user.id, ip: clientIp(request) }, contestId, user.locale).catch(refusalResponse);
  return csvResponse(body, `dictamen-${contestId}.csv`);
}
