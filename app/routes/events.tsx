import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { AreaTabs, type AreaTab } from "~/components/layout/area-tabs";
import { eventsLinks } from "~/components/events/styles";
import { can } from "~/modules/auth";
import { requirePermission } from "~/modules/auth/index.server";

export const links = eventsLinks;

/** The events area: its views as tabs above every page. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:event");
  return { canEdit: can(user.role, "edit:event") };
}

export default function EventsLayout() {
  const { canEdit } = useLoaderData<typeof loader>();
  const tabs: AreaTab[] = [
    { to: "/events", label: "events.tabs.list", end: true },
    { to: "/events/calendar", label: "events.tabs.calendar" },
    { to: "/events/by-country", label: "events.tabs.byCountry" },
    { to: "/events/mine", label: "events.tabs.mine" },
    ...(canEdit ? [{ to: "/events/new", label: "events.tabs.new" }] : []),
  ];
  return (
    <>
      <AreaTabs label="events.tabs.label" tabs={tabs} className="ev-tabs" />
      <Outlet />
    </>
  );
}
