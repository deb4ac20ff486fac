import { Link } from "@remix-run/react";
import { Card } from "~/components/ui";
import { useFormatDate, useLocale, useT } from "~/i18n/use-t";
import { formatQty } from "../labels";

type Place = { id: string; name: string };
export type ShipmentView = {
  id: string;
  fromLocationId: string;
  toLocationId: string;
  fromLocation: { name: string };
  toLocation: { name: string };
  carrier: string | null;
  trackingRef: string | null;
  notes: string | null;
  lines: ReadonlyArray<{ id: string; materialId: string; quantity: number; receivedQuantity: number | null; material: { id: string; code: string; name: string } }>;
};

/** Where from, where to, for which event or partner, and how it travels. */
export function ShipmentDetails({ shipment, event, partner }: { shipment: ShipmentView; event: Place | null; partner: Place | null }) {
  const t = useT();
  const row = (label: string, value: React.ReactNode) => (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
  return (
    <Card title={t("materials.shipments.details")}>
      <dl className="mt-details">
        {row(t("materials.shipments.from"), <Link to={`/materials/locations/${shipment.fromLocationId}`}>{shipment.fromLocation.name}</Link>)}
        {row(t("materials.shipments.to"), <Link to={`/materials/locations/${shipment.toLocationId}`}>{shipment.toLocation.name}</Link>)}
        {event ? row(t("materials.shipments.event"), <Link to={`/events/${event.id}`}>{event.name}</Link>) : null}
        {partner ? row(t("materials.shipments.partner"), <Link to={`/partners/${partner.id}`}>{partner.name}</Link>) : null}
        {row(t("materials.shipments.carrier"), shipment.carrier ?? "—")}
        {row(t("materials.shipments.trackingRef"), shipment.trackingRef ?? "—")}
        {shipment.notes ? row(t("materials.shipments.notes"), shipment.notes) : null}
      </dl>
    </Card>
  );
}

/** Requested → prepared → shipped → received, with who and when. */
export function ShipmentSteps({ steps }: { steps: ReadonlyArray<{ step: string; at: string | Date | null; by: string | null }> }) {
  const t = useT();
  const formatDate = useFormatDate();
  return (
    <Card title={t("materials.shipments.steps")}>
      <ol className="mt-steps">
        {steps
          .filter((s) => s.step !== "CANCELLED" || s.at)
          .map((s) => (
            <li key={s.step} data-step={s.step} data-done={s.at ? "true" : "false"}>
              <strong>{t(`materials.shipmentStatus.${s.step}`)}</strong>: {s.at ? t("materials.shipments.stepBy", { date: formatDate(s.at), name: s.by ?? "—" }) : t("materials.shipments.stepPending")}
            </li>
          ))}
      </ol>
    </Card>
  );
}

/** The lines: material, quantity sent, quantity received, and the total. */
export function ShipmentLines({ shipment, totalQuantity }: { shipment: ShipmentView; totalQuantity: number }) {
  const t = useT();
  const locale = useLocale();
  return (
    <Card title={t("materials.shipments.lines")}>
      <div className="table-wrap">
        <table className="mt-table" data-testid="shipment-lines">
          <thead>
            <tr>
              <th scope="col">{t("materials.fields.code")}</th>
              <th scope="col">{t("materials.shipments.material")}</th>
              <th scope="col" className="num">
                {t("materials.shipments.quantity")}
              </th>
              <th scope="col" className="num">
                {t("materials.shipments.received")}
              </th>
            </tr>
          </thead>
          <tbody>
            {shipment.lines.map((l) => (
              <tr key={l.id}>
                <td>{l.material.code}</td>
                <td>
                  <Link to={`/materials/${l.material.id}`}>{l.material.name}</Link>
                </td>
                <td className="num">{formatQty(l.quantity, locale)}</td>
                <td className="num">{formatQty(l.receivedQuantity, locale)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                {t("materials.shipments.total")}
              </th>
              <td className="num">{formatQty(totalQuantity, locale)}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
    </Card>
  );
}
