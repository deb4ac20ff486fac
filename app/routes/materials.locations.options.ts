import type { LoaderFunctionArgs } from "@remix-run/node";
import { makeT } from "~/i18n";
import { optionsQuery, optionsResponse, textParam } from "~/lib/options.server";
import { requirePermission } from "~/modules/auth/index.server";
import { locationOptions, pickableLocationKinds } from "~/modules/materials/index.server";

/** The location picker's search (JSON, ~20 active locations by name; `kind=A,B` narrows the kinds). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:material");
  const t = makeT(user.locale);
  const kinds = pickableLocationKinds(textParam(new URL(request.url), "kind", 200));
  return optionsResponse(await locationOptions({ ...optionsQuery(request), kinds }, (kind) => t(`materials.locationKind.${kind}`)));
}
