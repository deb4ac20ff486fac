import type { LoaderFunctionArgs } from "@remix-run/node";
import { contactExportLoader } from "~/components/contacts/download.server";

/** GET /contacts/:id/export.csv[?arco=<request id>]: the contact's whole data as one CSV (ARCO access). */
export const loader = (args: LoaderFunctionArgs) => contactExportLoader(args, "csv");
