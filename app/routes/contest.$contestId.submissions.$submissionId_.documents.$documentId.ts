import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/modules/auth/index.server";
import { getDocument } from "~/modules/contest/index.server";
import { fileResponseHeaders, readFile } from "~/modules/files/index.server";
import { notFound, routeParams } from "~/lib/params";

/**
 * A submission's document, for the staff who review it. Served as its sniffed type (PDF or image),
 * as a download, with nosniff and a sandboxing CSP: never a type that runs in the browser.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "edit:contest");
  const { contestId, submissionId, documentId } = routeParams(request, params, { contestId: "key", submissionId: "key", documentId: "key" });
  const doc = await getDocument(contestId, submissionId, documentId);
  const file = doc ? await readFile(doc.fileSha256) : null;
  if (!doc || !file) throw notFound(request);
  return new Response(Buffer.from(file.bytes), { headers: fileResponseHeaders(file, doc.fileName, new URL(request.url).searchParams.get("inline") === "1") });
}
