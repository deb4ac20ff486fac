import { Link } from "@remix-run/react";
import { StatusBadge, toneMap } from "~/components/ui";
import { type Locale, type T } from "~/i18n";
import { formatNumber } from "~/lib/format";
import { useLocale, useT } from "~/i18n/use-t";

export function formatQty(value: number | null | undefined, locale: Locale): string {
  if (value === null || value === undefined) return "—";
  return formatNumber(value, locale);
}

export const SHIPMENT_TONES = toneMap({ RECEIVED: "success", CANCELLED: "danger", SHIPPED: "info" });

export function ShipmentStatusBadge({ status, t }: { status: string; t: T }) {
  return <StatusBadge tone={SHIPMENT_TONES(status)} label={t(`materials.shipmentStatus.${status}`)} />;
}

/** Low stock per material and warehouse: the coordinators' home page shows it. */
export function LowStockPanel({ alerts }: { alerts: ReadonlyArray<{ materialId: string; name: string; code: string; locationId: string; locationName: string; quantity: number; threshold: number }> }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section className="panel" aria-labelledby="low-stock-title" data-testid="low-stock">
      <h2 id="low-stock-title">{t("materials.lowStock.title")}</h2>
      {alerts.length === 0 ? (
        <p className="muted">{t("materials.lowStock.none")}</p>
      ) : (
        <ul>
          {alerts.map((a) => (
            <li key={`${a.materialId}-${a.locationId}`}>
              <Link to={`/materials/${a.materialId}`}>{a.name}</Link> — {a.locationName}:{" "}
              <strong className="mt-low">{t("materials.lowStock.item", { quantity: formatQty(a.quantity, locale), threshold: formatQty(a.threshold, locale) })}</strong>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** "Recepción", "Envío", … with the movement's direction. */
export function movementLabel(kind: string, t: T): string {
  return t(`materials.movementKind.${kind}`);
}
