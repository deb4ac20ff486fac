import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/modules/auth/index.server";
import { viewFromRequest } from "~/modules/reports/index.server";
import { viewFiguresJson } from "~/modules/reports/index.server";

/**
 * GET /reports/<month>/figures.json[?version=N]: the month's figures as one JSON object of nested
 * keys with plain numbers — the values the document prints (an approved version's frozen ones).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "read:report");
  const view = await viewFromRequest(request, params.month);
  return new Response(JSON.stringify({ ...viewFiguresJson(view), version: view.version, state: view.state }), {
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" },
  });
}
