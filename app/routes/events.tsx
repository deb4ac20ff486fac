import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { AreaTabs, type AreaTab } from "~/components/layout/area-tabs";
import { eventsLinks } from "~/components/events/styles";
import { requirePermission } from "~/modules/auth/index.server";

export const links = eventsLinks;

/** The events area: its views as tabs above every page («Nuevo…» is the list's button, not a tab). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read:event");
  return null;
}

export default function EventsLayout() {
  const tabs: AreaTab[] = [
    { to: "/events", label: "events.tabs.list", end: true },
    { to: "/events/calendar", label: "events.tabs.calendar" },
    { to: "/events/by-country", label: "events.tabs.byCountry" },
    { to: "/events/mine", label: "events.tabs.mine" },
  ];
  return (
    <>
      <AreaTabs label="events.tabs.label" tabs={tabs} className="ev-tabs" />
      <Outlet />
    </>
  );
}
