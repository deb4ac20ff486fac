import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/modules/auth/session.server";
import { bulletinProgress } from "~/modules/bulletins/bulletins.server";
import { bulletinIdSchema } from "~/modules/bulletins/schema";

/** The live progress (JSON) the bulletin page polls while sending. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "read:bulletin");
  const id = bulletinIdSchema.safeParse(params.id);
  const progress = id.success ? await bulletinProgress(id.data) : null;
  if (!progress) throw new Response("Not Found", { status: 404 });
  return Response.json(progress, { headers: { "Cache-Control": "no-store" } });
}
