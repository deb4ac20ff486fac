import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { refusalResponse } from "~/lib/http.server";
import { monthParam } from "~/lib/params";
import { latestFiguresMonth, requireCommunications } from "~/modules/communications/index.server";

/** ?month=YYYY-MM (the month picker) or the latest month with figures, else the previous month. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireCommunications(request).catch(refusalResponse);
  const month = monthParam(request, new URL(request.url).searchParams.get("month")) ?? (await latestFiguresMonth());
  return redirect(`/communications/months/${month}`);
}
