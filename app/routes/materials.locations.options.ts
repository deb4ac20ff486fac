import type { LoaderFunctionArgs } from "@remix-run/node";
import { makeT } from "~/i18n";
import { optionsQuery, optionsResponse } from "~/lib/options.server";
import { requirePermission } from "~/modules/auth/index.server";
import { locationOptions, pickableLocationKinds } from "~/modules/materials/index.server";

/** The location picker's search (JSON, ~20 active locations by name; `kind=A,B` narrows the kinds). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:material");
  const t = makeT(user.locale);
  const kinds = pickableLocationKinds(new URL(request.url).searchParams.get("kind"));
  return optionsResponse(await locationOptions({ ...optionsQuery(request), kinds }, (kind) => t(`materials.locationKind.${kind}`)));
}
