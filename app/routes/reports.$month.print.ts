import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/modules/auth/index.server";
import { printHtmlOf } from "~/modules/reports/index.server";
import { viewFromRequest } from "~/modules/reports/index.server";

/** The print view: a standalone page with print CSS (what the PDF is made of); the browser can print it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "read:report");
  const view = await viewFromRequest(request, params.month);
  return new Response(await printHtmlOf(view), { headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
}
