import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import { requireCommunications } from "~/modules/communications/access.server";

/** The communications area (decision 025): the month's figures, the accounts and the media log, as tabs. */
export async function loader({ request }: LoaderFunctionArgs) {
  const access = await requireCommunications(request);
  return { staff: access.kind === "staff" };
}

export default function CommunicationsLayout() {
  const { staff } = useLoaderData<typeof loader>();
  const t = useT();
  const tabs = [
    { to: "/communications/months", label: "communications.tabs.month" },
    ...(staff ? [{ to: "/communications/accounts", label: "communications.tabs.accounts" }] : []),
    { to: "/communications/media", label: "communications.tabs.media" },
  ];
  return (
    <>
      <nav aria-label={t("communications.tabs.label")}>
        <ul className="form-actions" style={{ listStyle: "none", padding: 0, margin: "0 0 1rem" }}>
          {tabs.map((tab) => (
            <li key={tab.to}>
              <NavLink to={tab.to} prefetch="intent" className={({ isActive }) => (isActive ? "button button--primary" : "button")}>
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
