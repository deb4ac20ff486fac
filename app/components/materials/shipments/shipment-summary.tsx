import { Link } from "@remix-run/react";
import { Card, DataTable, Facts, type Column } from "~/components/ui";
import type { Locale, T } from "~/i18n";
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
  return (
    <Card title={t("materials.shipments.details")}>
      <Facts
        className="mt-details"
        items={[
          { label: t("materials.shipments.from"), value: <Link to={`/materials/locations/${shipment.fromLocationId}`}>{shipment.fromLocation.name}</Link> },
          { label: t("materials.shipments.to"), value: <Link to={`/materials/locations/${shipment.toLocationId}`}>{shipment.toLocation.name}</Link> },
          { label: t("materials.shipments.event"), value: event ? <Link to={`/events/${event.id}`}>{event.name}</Link> : null },
          { label: t("materials.shipments.partner"), value: partner ? <Link to={`/partners/${partner.id}`}>{partner.name}</Link> : null },
          { label: t("materials.shipments.carrier"), value: shipment.carrier ?? "—" },
          { label: t("materials.shipments.trackingRef"), value: shipment.trackingRef ?? "—" },
          { label: t("materials.shipments.notes"), value: shipment.notes },
        ]}
      />
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

type Line = ShipmentView["lines"][number];

/**
 * The columns a shipment's lines share on its page and on the packing list: code, material and
 * quantity sent. `link` makes the material a link (not on the printed list).
 */
export function shipmentLineColumns<L extends Line>(t: T, locale: Locale, link: boolean): Record<"code" | "material" | "quantity", Column<L>> {
  return {
    code: { key: "code", header: t("materials.fields.code"), cell: (l) => l.material.code },
    material: { key: "material", header: t("materials.shipments.material"), primary: true, cell: (l) => (link ? <Link to={`/materials/${l.material.id}`}>{l.material.name}</Link> : l.material.name) },
    quantity: { key: "quantity", header: t("materials.shipments.quantity"), align: "end", cell: (l) => formatQty(l.quantity, locale) },
  };
}

/** The lines: material, quantity sent, quantity received, and the total. */
export function ShipmentLines({ shipment, totalQuantity }: { shipment: ShipmentView; totalQuantity: number }) {
  const t = useT();
  const locale = useLocale();
  const { code, material, quantity } = shipmentLineColumns<Line>(t, locale, true);
  const columns: Column<Line>[] = [code, material, quantity, { key: "received", header: t("materials.shipments.received"), align: "end", cell: (l) => formatQty(l.receivedQuantity, locale) }];
  return (
    <Card title={t("materials.shipments.lines")} data-testid="shipment-lines">
      <DataTable label={t("materials.shipments.lines")} columns={columns} rows={shipment.lines} rowKey={(l) => l.id} totals={{ material: t("materials.shipments.total"), quantity: formatQty(totalQuantity, locale) }} className="mt-table" />
    </Card>
  );
}
