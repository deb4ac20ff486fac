import type { LoaderFunctionArgs } from "@remix-run/node";
import { badRequest, enumParam, monthParam } from "~/lib/params";
import { materialsCsvStream, type CsvKind } from "~/modules/materials/index.server";
import { parseMonth } from "~/modules/materials";
import { requireActor } from "~/lib/actor.server";

const KINDS: readonly CsvKind[] = ["stock", "movements", "figures"];

/** ?kind=stock|movements|figures (&month=YYYY-MM; ?delimiter=; and ?lang=en available). UTF-8 with BOM, cells neutralised. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request, "read:material");
  const url = new URL(request.url);
  const kind = enumParam(url.searchParams.get("kind"), KINDS) ?? "stock";
  const month = parseMonth(monthParam(request, url.searchParams.get("month")));
  if (kind !== "stock" && !month) throw badRequest(request);
  const delimiter = url.searchParams.get("delimiter") === ";" ? ";" : ",";
  const lang = enumParam(url.searchParams.get("lang"), ["es", "en"] as const) ?? "es";
  const stream = materialsCsvStream(actor, kind, { ...month, delimiter, lang });
  const suffix = kind === "stock" ? new Date().toISOString().slice(0, 10) : `${month!.year}-${String(month!.month).padStart(2, "0")}`;
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="alcance-materiales-${kind}-${suffix}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
