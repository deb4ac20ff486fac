import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BulletinStatusBadge } from "~/components/bulletins/status-badge";
import { DataTable, KeysetPager, PageHeader, useFormatNumber, type Column } from "~/components/ui";
import { pageTitle } from "~/i18n/meta";
import { useFormatDate, useT } from "~/i18n/use-t";
import { can } from "~/modules/auth";
import { requirePermission } from "~/modules/auth/index.server";
import { listBulletins } from "~/modules/bulletins/index.server";

export const meta = pageTitle("bulletins.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:bulletin");
  const page = await listBulletins(new URL(request.url).searchParams.get("cursor"));
  return { ...page, canEdit: can(user.role, "edit:bulletin") };
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["rows"][number];

export default function BulletinsPage() {
  const { rows, nextCursor, canEdit } = useLoaderData<typeof loader>();
  const t = useT();
  const formatDate = useFormatDate();
  const num = useFormatNumber();
  const columns: Column<Row>[] = [
    { key: "name", header: t("bulletins.col.name"), primary: true, cell: (b) => <Link to={`/bulletins/${b.id}`}>{b.name}</Link> },
    { key: "subject", header: t("bulletins.col.subject"), cell: (b) => b.subject },
    { key: "audience", header: t("bulletins.col.audience"), cell: (b) => (b.segmentName ? t("bulletins.audience.segment", { name: b.segmentName }) : t("bulletins.audience.all")) },
    { key: "status", header: t("bulletins.col.status"), cell: (b) => <BulletinStatusBadge status={b.status} /> },
    { key: "recipients", header: t("bulletins.col.recipients"), align: "end", cell: (b) => (b.status === "DRAFT" || b.status === "SCHEDULED" ? "—" : num(b.recipients)) },
    { key: "date", header: t("bulletins.col.date"), className: "nowrap", cell: (b) => formatDate(b.finishedAt ?? b.startedAt ?? b.scheduledAt ?? b.createdAt) },
  ];
  return (
    <>
      <PageHeader
        title={t("bulletins.title")}
        description={t("bulletins.intro")}
        actions={
          <>
            <Link to="/bulletins/bounces" className="button">
              {t("bulletins.bounces.link")}
            </Link>
            {canEdit ? (
              <Link to="/bulletins/new" className="button button--primary">
                {t("bulletins.new")}
              </Link>
            ) : null}
          </>
        }
      />
      <DataTable label={t("bulletins.title")} columns={columns} rows={rows} rowKey={(b) => b.id} empty={{ message: t("bulletins.empty") }} className="bl-table" />
      <KeysetPager nextCursor={nextCursor} />
    </>
  );
}
