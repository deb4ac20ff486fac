import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, routeParams } from "~/lib/params";
import { requireUser } from "~/modules/auth/index.server";
import { fileResponseHeaders, readFile } from "~/modules/files/index.server";
import { getAttachment, sectionFromRequest } from "~/modules/reports/index.server";

/** An annex's attached file, as a download: whoever may read the section. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { month, key, attachmentId } = routeParams(request, params, { month: "month", key: "key", attachmentId: "key" });
  await sectionFromRequest(request, user, month, key);
  const attachment = await getAttachment(month, key, attachmentId);
  const file = attachment ? await readFile(attachment.fileSha256) : null;
  if (!attachment || !file) throw notFound(request);
  return new Response(new Uint8Array(file.bytes), { headers: fileResponseHeaders({ mimeType: attachment.mediaType, size: file.bytes.byteLength }, attachment.fileName) });
}
