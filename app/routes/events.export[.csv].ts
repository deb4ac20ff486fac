import type { LoaderFunctionArgs } from "@remix-run/node";
import { enumParam } from "~/lib/params";
import { eventFilterFromUrl, eventsCsvStream, seesMaterials, viewerZone } from "~/modules/events/index.server";
import { requireActor } from "~/lib/actor.server";

/** The filtered events list as CSV (UTF-8 with BOM; ?delimiter=; and ?lang=en available). */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user, actor } = await requireActor(request, "read:event");
  const url = new URL(request.url);
  // Checked before the first byte: a bad filter is a 400, not a stream cut short.
  const filter = eventFilterFromUrl(request, url);
  const delimiter = url.searchParams.get("delimiter") === ";" ? ";" : ",";
  const lang = enumParam(url.searchParams.get("lang"), ["es", "en"] as const) ?? "es";
  const stream = eventsCsvStream(actor, filter, await viewerZone(user), { delimiter, lang, materials: seesMaterials(user) });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="alcance-eventos-${day}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
