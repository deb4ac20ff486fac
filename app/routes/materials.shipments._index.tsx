import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { KeysetPager } from "~/components/admin/pager";
import { pageTitle } from "~/components/contact-detail/meta";
import { formatQty, ShipmentStatusBadge } from "~/components/materials/labels";
import { useFormatDate, useLocale, useT } from "~/i18n/use-t";
import { can } from "~/modules/auth";
import { requirePermission } from "~/modules/auth/index.server";
import { SHIPMENT_STATUSES, shipmentStatusParam } from "~/modules/materials";
import { listShipments } from "~/modules/materials/index.server";

export const meta = pageTitle("materials.shipments.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:material");
  const url = new URL(request.url);
  const status = shipmentStatusParam.parse(url.searchParams.get("status") ?? undefined);
  const list = await listShipments({ status }, url.searchParams.get("cursor"));
  return { status: status ?? "", rows: list.rows, nextCursor: list.nextCursor, count: list.count, canEdit: can(user.role, "edit:material") };
}

export default function ShipmentsPage() {
  const { status, rows, nextCursor, count, canEdit } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const formatDate = useFormatDate();
  return (
    <>
      <header className="page-header page-header--actions">
        <div>
          <h1>{t("materials.shipments.title")}</h1>
          <p className="muted">{t(count.exact ? "materials.shipments.count" : "materials.shipments.countAbout", { count: count.value })}</p>
        </div>
        {canEdit ? (
          <Link to="/materials/shipments/new" className="button button--primary">
            {t("materials.shipments.new")}
          </Link>
        ) : null}
      </header>
      <Form method="get" className="filters" role="search" aria-label={t("materials.list.filters")}>
        <div className="field">
          <label htmlFor="sh-status">{t("materials.shipments.status")}</label>
          <select id="sh-status" name="status" defaultValue={status}>
            <option value="">{t("materials.list.any")}</option>
            {SHIPMENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`materials.shipmentStatus.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t("materials.list.apply")}
        </button>
      </Form>
      {rows.length === 0 ? (
        <div className="empty-state">
          <p>{t("materials.shipments.empty")}</p>
        </div>
      ) : (
        <div className="table-wrap">
          <table className="mt-table">
            <thead>
              <tr>
                <th scope="col">{t("materials.shipments.number")}</th>
                <th scope="col">{t("materials.shipments.status")}</th>
                <th scope="col">{t("materials.shipments.from")}</th>
                <th scope="col">{t("materials.shipments.to")}</th>
                <th scope="col">{t("materials.shipments.requestedAt")}</th>
                <th scope="col" className="num">
                  {t("materials.shipments.items")}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((s) => (
                <tr key={s.id}>
                  <td>
                    <Link to={`/materials/shipments/${s.id}`}>{t("materials.shipments.numberLabel", { number: s.number })}</Link>
                  </td>
                  <td>
                    <ShipmentStatusBadge status={s.status} t={t} />
                  </td>
                  <td>{s.fromName}</td>
                  <td>{s.toName}</td>
                  <td>{formatDate(s.requestedAt, { dateStyle: "medium" })}</td>
                  <td className="num">{formatQty(s.items, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <KeysetPager nextCursor={nextCursor ?? undefined} />
    </>
  );
}
