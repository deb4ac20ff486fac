import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireApplicant } from "~/lib/applicant-session.server";
import { refusalResponse } from "~/lib/http.server";
import { notFound, requireParam } from "~/lib/params";
import { fileResponseHeaders, readFile } from "~/modules/files/index.server";
import { callBySlug, ownDocument } from "~/modules/portal/index.server";

/** A document of the organisation's own submission, as an attachment; anyone else's is a 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const call = await callBySlug(params.slug ?? "").catch(refusalResponse);
  const applicant = await requireApplicant(request, call.slug);
  const doc = await ownDocument(applicant, call.slug, requireParam(params, "submissionId"), requireParam(params, "documentId")).catch(refusalResponse);
  const file = doc ? await readFile(doc.fileSha256) : null;
  if (!doc || !file) throw notFound(request);
  return new Response(Buffer.from(file.bytes), { headers: fileResponseHeaders(file, doc.fileName) });
}
