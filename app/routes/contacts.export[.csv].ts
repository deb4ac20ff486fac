import type { LoaderFunctionArgs } from "@remix-run/node";
import { attachment } from "~/components/contacts/download.server";
import { requireActor } from "~/lib/actor.server";
import { notFound } from "~/lib/params";
import { contactsCsvStream, exportFileName, filterFromSearchParams, getSegmentFilter, parseDelimiter, parseExportLang, type ContactFilter } from "~/modules/contacts/index.server";

/**
 * GET /contacts/export.csv?<the list's filters> or ?segment=ID|NAME, with optional
 * delimiter=; (or tab) and lang=en (English headers). Streamed; audited as "contacts.export".
 * Exporting personal data in bulk is for the staff who keep the contacts (edit:contact).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request, "edit:contact");
  const params = new URL(request.url).searchParams;
  const delimiter = parseDelimiter(params.get("delimiter"));
  const lang = parseExportLang(params.get("lang"));
  if (!delimiter || !lang) {
    return new Response("delimiter must be , ; or tab, and lang es or en", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  let filter: ContactFilter = filterFromSearchParams(params);
  let segment: { id: string; name: string } | null = null;
  const segmentKey = params.get("segment");
  if (segmentKey) {
    const found = await getSegmentFilter(segmentKey);
    if (!found) throw notFound(request);
    filter = found.filter;
    segment = { id: found.id, name: found.name };
  }
  const stream = contactsCsvStream(actor, filter, { delimiter, lang }, { segment, via: "web" });
  return attachment(stream, exportFileName(segment?.name));
}
