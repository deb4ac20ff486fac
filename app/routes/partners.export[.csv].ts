import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/lib/actor.server";
import { parseDelimiter, parseExportLang } from "~/modules/contacts/index.server";
import { partnerFilterFromSearchParams, partnersCsvStream } from "~/modules/partners/index.server";

/**
 * GET /partners/export.csv?<the list's filters>, with optional delimiter=; (or tab) and lang=en.
 * Institutions are not personal data: whoever reads the list may download it. Audited.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request, "read:partner");
  const params = new URL(request.url).searchParams;
  const delimiter = parseDelimiter(params.get("delimiter"));
  const lang = parseExportLang(params.get("lang"));
  if (!delimiter || !lang) {
    return new Response("delimiter must be , ; or tab, and lang es or en", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const stream = partnersCsvStream(actor, partnerFilterFromSearchParams(params), { delimiter, lang });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="instituciones-${new Date().toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
