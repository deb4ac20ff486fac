import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import reportsStylesHref from "~/components/reports/reports.css?url";
import { requirePermission } from "~/modules/auth/index.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: reportsStylesHref }];

// Contributors pass the layout to reach their own sections' pages (decision 025); every child route
// checks its own permission or section access.
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, ["read:report", "contribute:report"]);
  return null;
}

export default function ReportsLayout() {
  return <Outlet />;
}
