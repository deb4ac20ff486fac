import { useRouteLoaderData } from "@remix-run/react";
import type { loader } from "~/routes/convocatoria.$slug";

/** The portal frame's data (call name, slug, the signed-in applicant) from any portal page. */
export function usePortalFrame() {
  return useRouteLoaderData<typeof loader>("routes/convocatoria.$slug")!;
}
