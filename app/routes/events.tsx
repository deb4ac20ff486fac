import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { eventsLinks } from "~/components/events/styles";
import { useT } from "~/i18n/use-t";
import { can } from "~/modules/auth/permissions";
import { requirePermission } from "~/modules/auth/session.server";

export const links = eventsLinks;

/** The events area: its views as tabs above every page. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:event");
  return { canEdit: can(user.role, "edit:event") };
}

export default function EventsLayout() {
  const { canEdit } = useLoaderData<typeof loader>();
  const t = useT();
  const tabs = [
    { to: "/events", label: "events.tabs.list", end: true },
    { to: "/events/calendar", label: "events.tabs.calendar" },
    { to: "/events/by-country", label: "events.tabs.byCountry" },
    { to: "/events/mine", label: "events.tabs.mine" },
    ...(canEdit ? [{ to: "/events/new", label: "events.tabs.new" }] : []),
  ];
  return (
    <>
      <nav aria-label={t("events.tabs.label")}>
        <ul className="ev-tabs">
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
