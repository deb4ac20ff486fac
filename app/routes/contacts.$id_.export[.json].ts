import type { LoaderFunctionArgs } from "@remix-run/node";
import { contactExportResponse } from "~/modules/contacts/arco-export.server";

/** GET /contacts/:id/export.json[?arco=<request id>]: the contact's whole data (ARCO access). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return contactExportResponse(request, params.id, "json");
}
