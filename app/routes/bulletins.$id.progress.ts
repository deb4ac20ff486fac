import type { LoaderFunctionArgs } from "@remix-run/node";
import { idParam, notFound } from "~/lib/params";
import { requirePermission } from "~/modules/auth/index.server";
import { bulletinProgress } from "~/modules/bulletins/index.server";

/** The live progress (JSON) the bulletin page polls while sending. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "read:bulletin");
  const progress = await bulletinProgress(idParam(request, params.id, "key"));
  if (!progress) throw notFound(request);
  return Response.json(progress, { headers: { "Cache-Control": "no-store" } });
}
