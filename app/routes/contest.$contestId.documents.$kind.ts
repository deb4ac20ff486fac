import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/modules/auth/session.server";
import { contestDocument } from "~/modules/contest/contest.server";
import { fileResponseHeaders, readFile } from "~/modules/files/storage.server";

/** The contest's call (bases) or operating rules, served with their sniffed type only. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "read:contest");
  const kind = params.kind === "call" || params.kind === "rules" ? params.kind : null;
  if (!kind) throw new Response("Not found", { status: 404 });
  const doc = await contestDocument(params.contestId!, kind);
  const file = doc ? await readFile(doc.sha256) : null;
  if (!doc || !file) throw new Response("Not found", { status: 404 });
  return new Response(Buffer.from(file.bytes), { headers: fileResponseHeaders(file, doc.fileName) });
}
