import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/lib/actor.server";
import { notFound, requireParam } from "~/lib/params";
import { contactExportFile } from "~/modules/contacts/index.server";

/** A file the browser saves, never renders or caches (exports of personal data). */
export function attachment(body: BodyInit, fileName: string, contentType = "text/csv; charset=utf-8"): Response {
  return new Response(body, {
    headers: { "Content-Type": contentType, "Content-Disposition": `attachment; filename="${fileName}"`, "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
  });
}

/** GET /contacts/:id/export.(json|csv)[?arco=<request id>]: the contact's whole data (ARCO access). */
export async function contactExportLoader({ request, params }: LoaderFunctionArgs, format: "json" | "csv"): Promise<Response> {
  const { user, actor } = await requireActor(request, "read:contact");
  const id = requireParam(params, "id", "int");
  const file = await contactExportFile(actor, id, format, new URL(request.url).searchParams.get("arco"), user.locale);
  if (!file) throw notFound(request);
  return attachment(file.body, file.fileName, file.contentType);
}
