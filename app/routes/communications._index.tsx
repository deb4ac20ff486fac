import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireCommunications } from "~/modules/communications/access.server";

/** The area opens on the month's figures. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireCommunications(request);
  return redirect("/communications/months");
}
