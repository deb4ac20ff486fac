import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/modules/auth/session.server";
import { fileResponseHeaders, readFile } from "~/modules/files/storage.server";

/**
 * Serves a stored file to a logged-in user. Areas that keep files (contest documents, event
 * photos) check access to the record that names the file before linking here.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const file = await readFile(params.sha256 ?? "");
  if (!file) throw new Response("Not found", { status: 404 });
  const url = new URL(request.url);
  const name = url.searchParams.get("name") ?? params.sha256 ?? "archivo";
  return new Response(Buffer.from(file.bytes), { headers: fileResponseHeaders(file, name, url.searchParams.get("inline") === "1") });
}
