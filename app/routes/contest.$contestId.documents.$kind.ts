import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/modules/auth/index.server";
import { contestDocument } from "~/modules/contest/index.server";
import { fileResponseHeaders, readFile } from "~/modules/files/index.server";
import { enumParam, idParam, notFound } from "~/lib/params";

/** The contest's call (bases) or operating rules, served with their sniffed type only. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "read:contest");
  const contestId = idParam(request, params.contestId, "key");
  const kind = enumParam(params.kind, ["call", "rules"] as const);
  if (!kind) throw notFound(request);
  const doc = await contestDocument(contestId, kind);
  const file = doc ? await readFile(doc.sha256) : null;
  if (!doc || !file) throw notFound(request);
  return new Response(Buffer.from(file.bytes), { headers: fileResponseHeaders(file, doc.fileName) });
}
