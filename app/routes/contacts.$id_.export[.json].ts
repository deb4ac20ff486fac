import type { LoaderFunctionArgs } from "@remix-run/node";
import { contactExportLoader } from "~/components/contacts/download.server";

/** GET /contacts/:id/export.json[?arco=<request id>]: the contact's whole data as JSON (ARCO access). */
export const loader = (args: LoaderFunctionArgs) => contactExportLoader(args, "json");
