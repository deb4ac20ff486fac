import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/lib/actor.server";
import { refusalResponse } from "~/lib/http.server";
import { idParam } from "~/lib/params";
import { listExportResponse } from "~/modules/contest/index.server";

/** GET /contest/:id/submissions.csv?<the list's filters>: the submissions, neutralised cells. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, actor } = await requireActor(request, "edit:contest");
  return listExportResponse("submissions", actor, idParam(request, params.contestId, "key"), new URL(request.url).searchParams, user.locale).catch(refusalResponse);
}
