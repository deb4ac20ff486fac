import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import bulletinsStylesHref from "~/components/bulletins/bulletins.css?url";
import { requirePermission } from "~/modules/auth/index.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: bulletinsStylesHref }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read:bulletin");
  return null;
}

export default function BulletinsLayout() {
  return <Outlet />;
}
