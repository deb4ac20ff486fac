import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/components/contact-detail/meta";
import { formatQty, ShipmentStatusBadge } from "~/components/materials/labels";
import { DataTable, FilterBar, FilterSelect, KeysetPager, LinkButton, PageHeader, type Column, type FilterChip } from "~/components/ui";
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

type Row = Awaited<ReturnType<typeof listShipments>>["rows"][number];

export default function ShipmentsPage() {
  const { status, rows, nextCursor, count, canEdit } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const formatDate = useFormatDate();
  const chips: FilterChip[] = status ? [{ param: "status", label: `${t("materials.shipments.status")}: ${t(`materials.shipmentStatus.${status}`)}` }] : [];
  const columns: Column<Row>[] = [
    { key: "number", header: t("materials.shipments.number"), primary: true, cell: (s) => <Link to={`/materials/shipments/${s.id}`}>{t("materials.shipments.numberLabel", { number: s.number })}</Link> },
    { key: "status", header: t("materials.shipments.status"), cell: (s) => <ShipmentStatusBadge status={s.status} t={t} /> },
    { key: "from", header: t("materials.shipments.from"), cell: (s) => s.fromName },
    { key: "to", header: t("materials.shipments.to"), cell: (s) => s.toName },
    { key: "requestedAt", header: t("materials.shipments.requestedAt"), cell: (s) => formatDate(s.requestedAt, { dateStyle: "medium" }) },
    { key: "items", header: t("materials.shipments.items"), align: "end", cell: (s) => formatQty(s.items, locale) },
  ];
  return (
    <>
      <PageHeader
        title={t("materials.shipments.title")}
        description={t(count.exact ? "materials.shipments.count" : "materials.shipments.countAbout", { count: count.value })}
        actions={
          canEdit ? (
            <LinkButton to="/materials/shipments/new" primary>
              {t("materials.shipments.new")}
            </LinkButton>
          ) : undefined
        }
      />
      <FilterBar label={t("materials.list.filters")} submitLabel={t("materials.list.apply")} chips={chips}>
        <FilterSelect
          name="status"
          id="sh-status"
          label={t("materials.shipments.status")}
          anyLabel={t("materials.list.any")}
          defaultValue={status}
          options={SHIPMENT_STATUSES.map((s) => ({ value: s, label: t(`materials.shipmentStatus.${s}`) }))}
        />
      </FilterBar>
      <DataTable label={t("materials.shipments.title")} columns={columns} rows={rows} rowKey={(s) => s.id} empty={{ message: t("materials.shipments.empty") }} className="mt-table" />
      <KeysetPager nextCursor={nextCursor ?? undefined} />
    </>
  );
}
