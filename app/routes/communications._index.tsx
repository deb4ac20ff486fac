import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { refusalResponse } from "~/lib/http.server";
import { requireCommunications } from "~/modules/communications/index.server";

/** The area opens on the month's figures. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireCommunications(request).catch(refusalResponse);
  return redirect("/communications/months");
}
