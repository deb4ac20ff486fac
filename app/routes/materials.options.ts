import type { LoaderFunctionArgs } from "@remix-run/node";
import { optionsQuery, optionsResponse } from "~/lib/options.server";
import { requirePermission } from "~/modules/auth/index.server";
import { materialOptions } from "~/modules/materials/index.server";

/** The material picker's search (JSON, ~20 active materials by name). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read:material");
  return optionsResponse(await materialOptions(optionsQuery(request)));
}
