import type { LoaderFunctionArgs } from "@remix-run/node";
import { refusalResponse } from "~/lib/http.server";
import { enumParam, notFound } from "~/lib/params";
import { contestDocument } from "~/modules/contest/index.server";
import { fileResponseHeaders, readFile } from "~/modules/files/index.server";
import { callBySlug } from "~/modules/portal/index.server";

/** The call's published documents (the call and its rules), public, with their sniffed type. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const call = await callBySlug(params.slug ?? "").catch(refusalResponse);
  const kind = enumParam(params.kind, ["call", "rules"] as const);
  if (!kind) throw notFound(request);
  const doc = await contestDocument(call.contestId, kind);
  const file = doc ? await readFile(doc.sha256) : null;
  if (!doc || !file) throw notFound(request);
  return new Response(Buffer.from(file.bytes), { headers: fileResponseHeaders(file, doc.fileName) });
}
