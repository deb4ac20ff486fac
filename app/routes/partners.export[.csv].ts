import type { LoaderFunctionArgs } from "@remix-run/node";
import { attachment } from "~/components/contacts/download.server";
import { csvExportOptions } from "~/components/partners/csv-export.server";
import { requireActor } from "~/lib/actor.server";
import { partnerFilterFromSearchParams, partnersCsvStream } from "~/modules/partners/index.server";

/**
 * GET /partners/export.csv?<the list's filters>, with optional delimiter=; (or tab) and lang=en.
 * Institutions are not personal data: whoever reads the list may download it. Audited.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request, "read:partner");
  const params = new URL(request.url).searchParams;
  const options = csvExportOptions(params);
  if (options instanceof Response) return options;
  return attachment(partnersCsvStream(actor, partnerFilterFromSearchParams(params), options), `instituciones-${new Date().toISOString().slice(0, 10)}.csv`);
}
