import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/modules/auth/index.server";
import { previewBulletin } from "~/modules/bulletins/index.server";
import { enumParam, idParam, idQuery, notFound } from "~/lib/params";

/**
 * The message as a recipient would get it (?contact=ID, else a sample person), as HTML for an
 * iframe or as plain text. Sandboxed: the preview can run nothing in our origin.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "read:bulletin");
  const id = idParam(request, params.id, "key");
  const url = new URL(request.url);
  const contact = idQuery(request, url.searchParams.get("contact"), "int");
  const format = enumParam(url.searchParams.get("format"), ["html", "text"] as const) ?? "html";
  const preview = await previewBulletin(id, contact);
  if (!preview) throw notFound(request);
  const headers = {
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "SAMEORIGIN",
    "Content-Security-Policy": "default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline'; sandbox allow-popups allow-popups-to-escape-sandbox; frame-ancestors 'self'",
  };
  if (format === "text") return new Response(preview.text, { headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(preview.html, { headers: { ...headers, "Content-Type": "text/html; charset=utf-8" } });
}
