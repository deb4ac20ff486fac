import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { KeysetPager } from "~/components/admin/pager";
import { BulletinStatusBadge } from "~/components/bulletins/status-badge";
import { makeT } from "~/i18n";
import { useFormatDate, useT } from "~/i18n/use-t";
import { can } from "~/modules/auth/permissions";
import { requirePermission } from "~/modules/auth/session.server";
import { listBulletins } from "~/modules/bulletins/bulletins.server";

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: "es" | "en" } | undefined;
  return [{ title: `Alcance — ${makeT(root?.locale ?? "es")("bulletins.title")}` }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:bulletin");
  const cursor = new URL(request.url).searchParams.get("cursor");
  const page = await listBulletins(cursor);
  return { ...page, canEdit: can(user.role, "edit:bulletin") };
}

export default function BulletinsPage() {
  const { rows, nextCursor, canEdit } = useLoaderData<typeof loader>();
  const t = useT();
  const formatDate = useFormatDate();
  return (
    <>
      <header className="page-header page-header--actions">
        <div>
          <h1>{t("bulletins.title")}</h1>
          <p className="muted">{t("bulletins.intro")}</p>
        </div>
        {canEdit ? (
          <Link to="/bulletins/new" className="button button--primary">
            {t("bulletins.new")}
          </Link>
        ) : null}
      </header>
      {rows.length === 0 ? (
        <div className="empty-state">
          <p>{t("bulletins.empty")}</p>
        </div>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="sr-only">{t("bulletins.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("bulletins.col.name")}</th>
                <th scope="col">{t("bulletins.col.subject")}</th>
                <th scope="col">{t("bulletins.col.audience")}</th>
                <th scope="col">{t("bulletins.col.status")}</th>
                <th scope="col">{t("bulletins.col.recipients")}</th>
                <th scope="col">{t("bulletins.col.date")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((b) => {
                const when = b.finishedAt ?? b.startedAt ?? b.scheduledAt ?? b.createdAt;
                return (
                  <tr key={b.id}>
                    <td>
                      <Link to={`/bulletins/${b.id}`}>{b.name}</Link>
                    </td>
                    <td>{b.subject}</td>
                    <td>{b.segmentName ? t("bulletins.audience.segment", { name: b.segmentName }) : t("bulletins.audience.all")}</td>
                    <td>
                      <BulletinStatusBadge status={b.status} />
                    </td>
                    <td className="nowrap">{b.status === "DRAFT" || b.status === "SCHEDULED" ? "—" : b.recipients.toLocaleString()}</td>
                    <td className="nowrap">{formatDate(when)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <KeysetPager nextCursor={nextCursor ?? undefined} />
    </>
  );
}
