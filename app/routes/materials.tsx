import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { AreaTabs, type AreaTab } from "~/components/layout/area-tabs";
import { materialsLinks } from "~/components/materials/styles";
import { can } from "~/modules/auth";
import { requirePermission } from "~/modules/auth/index.server";

export const links = materialsLinks;

/** The materials area: its views as tabs above every page. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:material");
  return { canEdit: can(user.role, "edit:material") };
}

export default function MaterialsLayout() {
  const { canEdit } = useLoaderData<typeof loader>();
  const tabs: AreaTab[] = [
    { to: "/materials", label: "materials.tabs.catalogue", end: true },
    { to: "/materials/locations", label: "materials.tabs.locations" },
    { to: "/materials/shipments", label: "materials.tabs.shipments" },
    { to: "/materials/figures", label: "materials.tabs.figures" },
    ...(canEdit ? [{ to: "/materials/new", label: "materials.tabs.new" }] : []),
  ];
  return (
    <>
      <AreaTabs label="materials.tabs.label" tabs={tabs} className="mt-tabs" />
      <Outlet />
    </>
  );
}
