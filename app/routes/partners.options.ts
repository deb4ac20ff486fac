import type { LoaderFunctionArgs } from "@remix-run/node";
import { optionsQuery, optionsResponse, textParam } from "~/lib/options.server";
import { requirePermission } from "~/modules/auth/index.server";
import { partnerOptions } from "~/modules/partners/index.server";

/** The institution picker's search (JSON, ~20 by name; `exclude` leaves one out). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read:partner");
  const exclude = textParam(new URL(request.url), "exclude", 40);
  return optionsResponse(await partnerOptions({ ...optionsQuery(request), exclude }));
}
