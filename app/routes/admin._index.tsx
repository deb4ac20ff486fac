import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { adminTitle } from "~/components/admin/meta";
import { PageHeader } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { requirePermission } from "~/modules/auth/index.server";
import { userCounts } from "~/modules/users/index.server";

export const meta = adminTitle("admin.overview.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:user");
  return { counts: await userCounts() };
}

const CARDS = [
  { to: "/admin/users", title: "admin.nav.users", description: "admin.overview.users" },
  { to: "/admin/audit", title: "admin.nav.audit", description: "admin.overview.audit" },
  { to: "/admin/settings", title: "admin.nav.settings", description: "admin.overview.settings" },
  { to: "/admin/outbox", title: "admin.nav.outbox", description: "admin.overview.outbox" },
  { to: "/admin/report-outline", title: "admin.nav.reportOutline", description: "admin.overview.reportOutline" },
] as const;

export default function AdminOverview() {
  const { counts } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <PageHeader title={t("admin.overview.title")} description={t("admin.overview.intro")} />
      <ul className="card-grid">
        {CARDS.map((card) => (
          <li key={card.to} className="card">
            <Link to={card.to} className="card__link">
              <strong>{t(card.title)}</strong>
              <span className="muted">{t(card.description)}</span>
            </Link>
            {card.to === "/admin/users" ? (
              <ul className="stat-list" aria-label={t("admin.overview.userFigures")}>
                <li className="badge badge--ok">{t("admin.overview.activeUsers", { count: counts.active })}</li>
                <li className="badge">{t("admin.overview.invitedUsers", { count: counts.invited })}</li>
                <li className="badge badge--off">{t("admin.overview.inactiveUsers", { count: counts.inactive })}</li>
                <li className="badge">{t("admin.overview.admins", { count: counts.admins })}</li>
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
