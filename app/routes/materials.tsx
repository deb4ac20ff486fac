import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { materialsLinks } from "~/components/materials/styles";
import { useT } from "~/i18n/use-t";
import { can } from "~/modules/auth/permissions";
import { requirePermission } from "~/modules/auth/session.server";

export const links = materialsLinks;

/** The materials area: its views as tabs above every page. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:material");
  return { canEdit: can(user.role, "edit:material") };
}

export default function MaterialsLayout() {
  const { canEdit } = useLoaderData<typeof loader>();
  const t = useT();
  const tabs = [
    { to: "/materials", label: "materials.tabs.catalogue", end: true },
    { to: "/materials/locations", label: "materials.tabs.locations" },
    { to: "/materials/shipments", label: "materials.tabs.shipments" },
    { to: "/materials/figures", label: "materials.tabs.figures" },
    ...(canEdit ? [{ to: "/materials/new", label: "materials.tabs.new" }] : []),
  ];
  return (
    <>
      <nav aria-label={t("materials.tabs.label")}>
        <ul className="mt-tabs">
          {tabs.map((tab) => (
            <li key={tab.to}>
              <NavLink to={tab.to} end={tab.end} prefetch="intent">
                {t(tab.label)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </>
  );
}
