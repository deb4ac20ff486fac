import type { LoaderFunctionArgs } from "@remix-run/node";
import { audit } from "~/modules/audit/index.server";
import { clientIp, requireUser } from "~/modules/auth/index.server";
import { mayReadFile, fileResponseHeaders, readFile } from "~/modules/files/index.server";
import { idParam, notFound } from "~/lib/params";

/**
 * Serves a stored file to a logged-in user who may read a record that names it (see
 * `mayReadFile`): knowing a hash is not enough. A file the user may not read answers exactly as
 * one that does not exist (404), and the refusal is audited.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const sha256 = idParam(request, params.sha256, "sha256");
  const file = await readFile(sha256);
  if (!file) throw notFound(request);
  if (!(await mayReadFile(user, sha256, file.mimeType))) {
    await audit({ userId: user.id, ip: clientIp(request) }, { action: "permission.denied", entity: "file", entityId: sha256, after: { method: request.method } });
    throw notFound(request);
  }
  const url = new URL(request.url);
  const name = url.searchParams.get("name") ?? sha256;
  return new Response(Buffer.from(file.bytes), { headers: fileResponseHeaders(file, name, url.searchParams.get("inline") === "1") });
}
