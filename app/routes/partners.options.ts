import type { LoaderFunctionArgs } from "@remix-run/node";
import { optionsQuery, optionsResponse } from "~/lib/options.server";
import { requirePermission } from "~/modules/auth/index.server";
import { partnerOptions } from "~/modules/partners/index.server";

/** The institution picker's search (JSON, ~20 by name; `exclude` leaves one out). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read:partner");
  const exclude = new URL(request.url).searchParams.get("exclude")?.slice(0, 40) || null;
  return optionsResponse(await partnerOptions({ ...optionsQuery(request), exclude }));
}
