import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/components/contact-detail/meta";
import { EventTime, placeLabel, StatusBadge } from "~/components/events/labels";
import { useLocale, useT } from "~/i18n/use-t";
import { requirePermission } from "~/modules/auth/index.server";
import { listMyEvents } from "~/modules/events/index.server";

export const meta = pageTitle("events.mine.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:event");
  return listMyEvents(user.id);
}

type Row = Awaited<ReturnType<typeof listMyEvents>>["upcoming"][number];

function MyTable({ rows, caption }: { rows: Row[]; caption: string }) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="table-wrap">
      <table className="ev-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("events.fields.name")}</th>
            <th scope="col">{t("events.fields.startsAt")}</th>
            <th scope="col">{t("events.fields.place")}</th>
            <th scope="col">{t("events.fields.status")}</th>
            <th scope="col">{t("events.staff.confirmedColumn")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>
                <Link to={`/events/${row.id}`} className="ev-name">
                  {row.name}
                </Link>
              </td>
              <td>
                <EventTime at={row.startsAt} zone={row.timeZone} compact />
              </td>
              <td>{placeLabel(row, locale, t)}</td>
              <td>
                <StatusBadge status={row.status} t={t} />
              </td>
              <td>{row.confirmed ? <span className="badge badge--ok">{t("events.staff.confirmed")}</span> : <span className="badge">{t("events.staff.unconfirmed")}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function MyEventsPage() {
  const { upcoming, past } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <header className="page-header">
        <h1>{t("events.mine.title")}</h1>
        <p className="muted">{t("events.mine.intro")}</p>
      </header>
      <h2>{t("events.mine.upcoming")}</h2>
      {upcoming.length ? <MyTable rows={upcoming} caption={t("events.mine.upcoming")} /> : <p className="empty-state">{t("events.mine.noneUpcoming")}</p>}
      <h2>{t("events.mine.past")}</h2>
      {past.length ? <MyTable rows={past} caption={t("events.mine.past")} /> : <p className="empty-state">{t("events.mine.nonePast")}</p>}
    </>
  );
}
