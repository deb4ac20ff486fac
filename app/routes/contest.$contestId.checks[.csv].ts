import type { LoaderFunctionArgs } from "@remix-run/node";
import { clientIp, requirePermission } from "~/modules/auth/index.server";
import { getContest, checksCsv, csvResponse } from "~/modules/contest/index.server";
import { filterFromParams } from "~/modules/contest";
import { idParam, notFound } from "~/lib/params";

/** GET /contest/:id/checks.csv: one row per submission and requirement, neutralised cells. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "edit:contest");
  const contest = await getContest(idParam(request, params.contestId, "key"));
  if (!contest) throw notFound(request);
  const url = new URL(request.url);
  const body = await checksCsv({ userId: user.id, ip: clientIp(request) }, contest.id, filterFromParams(url.searchParams), user.locale);
  return csvResponse(body, `requisitos-${contest.id}.csv`);
}
