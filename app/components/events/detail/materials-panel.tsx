import { Link } from "@remix-run/react";
import { Card, DataTable, LinkButton, type Column } from "~/components/ui";
import { useLocale, useT } from "~/i18n/use-t";
import { formatNumber } from "../labels";

const FIGURES = ["requested", "arrived", "unshipped", "handedOut", "returned", "onHand"] as const;
type Row = { materialId: string; code: string; name: string } & Record<(typeof FIGURES)[number], number>;

/** The event's materials from the ledger: requested, arrived, handed out, on hand; its shipments. */
export function EventMaterialsPanel({ eventId, materials, shipments, canShip }: { eventId: string; materials: readonly Row[]; shipments: ReadonlyArray<{ id: string; number: number | string; status: string }>; canShip: boolean }) {
  const t = useT();
  const locale = useLocale();
  const columns: Column<Row>[] = [
    { key: "material", header: t("events.materials.material"), primary: true, cell: (m) => <Link to={`/materials/${m.materialId}`}>{m.name}</Link> },
    ...FIGURES.map((k) => ({ key: k, header: t(`events.materials.${k}`), align: "end" as const, cell: (m: Row) => formatNumber(m[k], locale) })),
  ];
  return (
    <Card title={t("events.materials.title")} data-testid="event-materials">
      <DataTable label={t("events.materials.title")} columns={columns} rows={materials} rowKey={(m) => m.materialId} rowAttrs={(m) => ({ "data-material": m.code })} empty={{ message: t("events.materials.none") }} className="ev-table" />
      {shipments.length ? (
        <>
          <h3>{t("events.materials.shipments")}</h3>
          <ul>
            {shipments.map((s) => (
              <li key={s.id}>
                <Link to={`/materials/shipments/${s.id}`}>{t("events.materials.shipment", { number: s.number, status: t(`materials.shipmentStatus.${s.status}`) })}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {canShip ? (
        <p className="form-actions">
          <LinkButton to={`/materials/shipments/new?eventId=${eventId}`}>{t("events.materials.newShipment")}</LinkButton>
        </p>
      ) : null}
    </Card>
  );
}
