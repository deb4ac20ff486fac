import type { LinksFunction } from "@remix-run/node";
import { NavLink, Outlet } from "@remix-run/react";
import { AreaError, useErrorStatus } from "~/components/layout/error-page";
import { useT } from "~/i18n/use-t";
import adminStylesHref from "~/styles/admin.css?url";

/**
 * The administration area's frame: a sub-navigation over the pages. It loads no data, so it has
 * no loader; every page below checks its own permission (all are ADMIN-only).
 */
export const links: LinksFunction = () => [{ rel: "stylesheet", href: adminStylesHref }];

const SECTIONS = [
  { to: "/admin", label: "admin.nav.overview", end: true },
  { to: "/admin/users", label: "admin.nav.users", end: false },
  { to: "/admin/audit", label: "admin.nav.audit", end: false },
  { to: "/admin/settings", label: "admin.nav.settings", end: false },
  { to: "/admin/report-outline", label: "admin.nav.reportOutline", end: false },
  { to: "/admin/outbox", label: "admin.nav.outbox", end: false },
  { to: "/admin/integrity", label: "admin.nav.integrity", end: false },
  { to: "/admin/queues", label: "admin.nav.queues", end: false },
] as const;

function AdminNav() {
  const t = useT();
  return (
    <nav className="subnav" aria-label={t("admin.nav.label")}>
      <ul>
        {SECTIONS.map((section) => (
          <li key={section.to}>
            <NavLink to={section.to} end={section.end} prefetch="intent">
              {t(section.label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export default function AdminLayout() {
  return (
    <>
      <AdminNav />
      <Outlet />
    </>
  );
}

/** A page that fails (a user or message that does not exist) keeps the area's navigation. */
export function ErrorBoundary() {
  const status = useErrorStatus();
  return (
    <>
      {/* No navigation for someone who may not be here. */}
      {status === 403 ? null : <AdminNav />}
      <AreaError status={status} />
    </>
  );
}
