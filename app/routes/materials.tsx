import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { AreaTabs, type AreaTab } from "~/components/layout/area-tabs";
import { materialsLinks } from "~/components/materials/styles";
import { requirePermission } from "~/modules/auth/index.server";

export const links = materialsLinks;

/** The materials area: its views as tabs above every page («Nuevo…» is the list's button, not a tab). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read:material");
  return null;
}

export default function MaterialsLayout() {
  const tabs: AreaTab[] = [
    { to: "/materials", label: "materials.tabs.catalogue", end: true },
    { to: "/materials/locations", label: "materials.tabs.locations" },
    { to: "/materials/shipments", label: "materials.tabs.shipments" },
    { to: "/materials/figures", label: "materials.tabs.figures" },
  ];
  return (
    <>
      <AreaTabs label="materials.tabs.label" tabs={tabs} className="mt-tabs" />
      <Outlet />
    </>
  );
}
