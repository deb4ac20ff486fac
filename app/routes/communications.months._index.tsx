import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { monthParam } from "~/lib/params";
import { requireCommunications } from "~/modules/communications/access.server";
import { latestFiguresMonth } from "~/modules/communications/accounts.server";

/** ?month=YYYY-MM (the month picker) or the latest month with figures, else the previous month. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireCommunications(request);
  const month = monthParam(request, new URL(request.url).searchParams.get("month")) ?? (await latestFiguresMonth());
  return redirect(`/communications/months/${month}`);
}
