import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/components/contact-detail/meta";
import { formatQty } from "~/components/materials/labels";
import { shipmentLineColumns } from "~/components/materials/shipments/shipment-summary";
import { DataTable, Facts, type Column } from "~/components/ui";
import { useFormatDate, useLocale, useT } from "~/i18n/use-t";
import { requirePermission } from "~/modules/auth/index.server";
import { getShipment } from "~/modules/materials/index.server";
import { idParam, notFound } from "~/lib/params";
import { countryName, subdivisionName } from "~/modules/geo";
import { INTL_LOCALE } from "~/i18n";

export const meta = pageTitle("materials.packing.title");

/** The packing list: one printed page (print rules in materials.css). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "read:material");
  const view = await getShipment(idParam(request, params.id, "key"));
  if (!view) throw notFound(request);
  return view;
}

export default function PackingListPage() {
  const { shipment, event, partner, totalQuantity } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const formatDate = useFormatDate();
  const place = (l: { name: string; city: string | null; state: string | null; country: string | null }) =>
    [l.name, l.city, l.state ? subdivisionName(l.state) : null, l.country ? countryName(l.country, INTL_LOCALE[locale]) : null].filter(Boolean).join(", ");
  type Line = (typeof shipment.lines)[number];
  const { code, material, quantity } = shipmentLineColumns<Line>(t, locale, false);
  const columns: Column<Line>[] = [
    { key: "n", header: "#", cell: (l) => shipment.lines.indexOf(l) + 1 },
    code,
    material,
    { key: "unit", header: t("materials.fields.unit"), cell: (l) => l.material.unit },
    quantity,
    { key: "checked", header: t("materials.packing.checked"), cell: () => "☐" },
  ];
  return (
    <article className="packing">
      <p className="mt-no-print form-actions">
        <Link to={`/materials/shipments/${shipment.id}`}>← {t("materials.shipments.back")}</Link>
        <button type="button" className="button" onClick={() => window.print()}>
          {t("materials.packing.print")}
        </button>
      </p>
      <h1>{t("materials.packing.heading", { number: shipment.number })}</h1>
      <p className="muted">{t("materials.packing.office")}</p>
      <Facts
        items={[
          { label: t("materials.shipments.from"), value: place(shipment.fromLocation) },
          { label: t("materials.shipments.to"), value: place(shipment.toLocation) },
          { label: t("materials.shipments.event"), value: event?.name },
          { label: t("materials.shipments.partner"), value: partner?.name },
          { label: t("materials.shipments.requestedAt"), value: formatDate(shipment.requestedAt, { dateStyle: "long" }) },
          { label: t("materials.shipments.status"), value: t(`materials.shipmentStatus.${shipment.status}`) },
          { label: t("materials.shipments.carrier"), value: shipment.carrier ?? "—" },
          { label: t("materials.shipments.trackingRef"), value: shipment.trackingRef ?? "—" },
        ]}
      />
      <DataTable label={t("materials.shipments.lines")} columns={columns} rows={shipment.lines} rowKey={(l) => l.id} totals={{ material: t("materials.shipments.total"), quantity: formatQty(totalQuantity, locale) }} />
      {shipment.notes ? (
        <p>
          <strong>{t("materials.shipments.notes")}:</strong> {shipment.notes}
        </p>
      ) : null}
      <div className="packing-sign">
        <div>{t("materials.packing.packedBy")}</div>
        <div>{t("materials.packing.receivedBy")}</div>
      </div>
    </article>
  );
}
