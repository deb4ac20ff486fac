import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/components/contact-detail/meta";
import { ConfirmedBadge, EventTime, placeLabel, StatusBadge } from "~/components/events/labels";
import { DataTable, PageHeader, type Column } from "~/components/ui";
import { useLocale, useT } from "~/i18n/use-t";
import { requirePermission } from "~/modules/auth/index.server";
import { listMyEvents } from "~/modules/events/index.server";

export const meta = pageTitle("events.mine.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:event");
  return listMyEvents(user.id);
}

type Row = Awaited<ReturnType<typeof listMyEvents>>["upcoming"][number];

export default function MyEventsPage() {
  const { upcoming, past } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const columns: Column<Row>[] = [
    {
      key: "name",
      header: t("events.fields.name"),
      primary: true,
      cell: (row) => (
        <Link to={`/events/${row.id}`} className="ev-name">
          {row.name}
        </Link>
      ),
    },
    { key: "startsAt", header: t("events.fields.startsAt"), cell: (row) => <EventTime at={row.startsAt} zone={row.timeZone} compact /> },
    { key: "place", header: t("events.fields.place"), cell: (row) => placeLabel(row, locale, t) },
    { key: "status", header: t("events.fields.status"), cell: (row) => <StatusBadge status={row.status} t={t} /> },
    { key: "confirmed", header: t("events.staff.confirmedColumn"), cell: (row) => <ConfirmedBadge confirmed={row.confirmed} t={t} /> },
  ];
  return (
    <>
      <PageHeader title={t("events.mine.title")} description={t("events.mine.intro")} />
      <h2>{t("events.mine.upcoming")}</h2>
      <DataTable label={t("events.mine.upcoming")} columns={columns} rows={upcoming} rowKey={(row) => row.id} empty={{ message: t("events.mine.noneUpcoming") }} className="ev-table" />
      <h2>{t("events.mine.past")}</h2>
      <DataTable label={t("events.mine.past")} columns={columns} rows={past} rowKey={(row) => row.id} empty={{ message: t("events.mine.nonePast") }} className="ev-table" />
    </>
  );
}
