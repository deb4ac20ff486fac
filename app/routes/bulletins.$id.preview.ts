import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/modules/auth/session.server";
import { previewBulletin } from "~/modules/bulletins/bulletins.server";
import { bulletinIdSchema, previewQuerySchema } from "~/modules/bulletins/schema";

/**
 * The message as a recipient would get it (?contact=ID, else a sample person), as HTML for an
 * iframe or as plain text. Sandboxed: the preview can run nothing in our origin.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "read:bulletin");
  const id = bulletinIdSchema.safeParse(params.id);
  const query = previewQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const preview = id.success ? await previewBulletin(id.data, query.contact) : null;
  if (!preview) throw new Response("Not Found", { status: 404 });
  const headers = {
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "SAMEORIGIN",
    "Content-Security-Policy": "default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline'; sandbox allow-popups allow-popups-to-escape-sandbox; frame-ancestors 'self'",
  };
  if (query.format === "text") return new Response(preview.text, { headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(preview.html, { headers: { ...headers, "Content-Type": "text/html; charset=utf-8" } });
}
