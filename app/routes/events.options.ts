import type { LoaderFunctionArgs } from "@remix-run/node";
import { optionsQuery, optionsResponse } from "~/lib/options.server";
import { requirePermission } from "~/modules/auth/index.server";
import { eventOptions } from "~/modules/events/index.server";

/** The event picker's search (JSON, ~20, newest first). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read:event");
  return optionsResponse(await eventOptions(optionsQuery(request)));
}
