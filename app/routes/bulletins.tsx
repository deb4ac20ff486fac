import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { requirePermission } from "~/modules/auth/session.server";
import bulletinsStylesHref from "~/components/bulletins/bulletins.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: bulletinsStylesHref }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read:bulletin");
  return null;
}

export default function BulletinsLayout() {
  return <Outlet />;
}
