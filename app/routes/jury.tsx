import type { LoaderFunctionArgs } from "@remix-run/node";
import { AreaPlaceholder } from "~/components/layout/area-placeholder";
import { requirePermission } from "~/modules/auth/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, ["manage:jury", "read:jury-results", "evaluate:jury"]);
  return null;
}

export default function Page() {
  return <AreaPlaceholder area="jury" />;
}
