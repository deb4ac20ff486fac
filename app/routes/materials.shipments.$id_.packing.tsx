import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/components/contact-detail/meta";
import { formatQty } from "~/components/materials/labels";
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
      <div className="packing-meta">
        <div>
          <strong>{t("materials.shipments.from")}:</strong> {place(shipment.fromLocation)}
        </div>
        <div>
          <strong>{t("materials.shipments.to")}:</strong> {place(shipment.toLocation)}
        </div>
        {event ? (
          <div>
            <strong>{t("materials.shipments.event")}:</strong> {event.name}
          </div>
        ) : null}
        {partner ? (
          <div>
            <strong>{t("materials.shipments.partner")}:</strong> {partner.name}
          </div>
        ) : null}
        <div>
          <strong>{t("materials.shipments.requestedAt")}:</strong> {formatDate(shipment.requestedAt, { dateStyle: "long" })}
        </div>
        <div>
          <strong>{t("materials.shipments.status")}:</strong> {t(`materials.shipmentStatus.${shipment.status}`)}
        </div>
        <div>
          <strong>{t("materials.shipments.carrier")}:</strong> {shipment.carrier ?? "—"}
        </div>
        <div>
          <strong>{t("materials.shipments.trackingRef")}:</strong> {shipment.trackingRef ?? "—"}
        </div>
      </div>
      <table>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t("materials.fields.code")}</th>
            <th scope="col">{t("materials.shipments.material")}</th>
            <th scope="col">{t("materials.fields.unit")}</th>
            <th scope="col" className="num">
              {t("materials.shipments.quantity")}
            </th>
            <th scope="col">{t("materials.packing.checked")}</th>
          </tr>
        </thead>
        <tbody>
          {shipment.lines.map((l, i) => (
            <tr key={l.id}>
              <td>{i + 1}</td>
              <td>{l.material.code}</td>
              <td>{l.material.name}</td>
              <td>{l.material.unit}</td>
              <td className="num">{formatQty(l.quantity, locale)}</td>
              <td>☐</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={4}>
              {t("materials.shipments.total")}
            </th>
            <td className="num">{formatQty(totalQuantity, locale)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
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
