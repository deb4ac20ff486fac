import { Form, Link } from "@remix-run/react";
import { DataTable, EmptyState, type Column } from "~/components/ui";
import { useFormatDate, useLocale, useT } from "~/i18n/use-t";
import type { MovementRow } from "~/modules/materials";
import { formatQty } from "./labels";

/** A movement as the loader sends it (the date as JSON text). */
type Row = Omit<MovementRow, "occurredAt"> & { occurredAt: string | Date };

/** The ledger's movements; a reversal button on those that can be reversed (when allowed). */
export function MovementsTable({ rows, showMaterial, canReverse }: { rows: readonly Row[]; showMaterial?: boolean; canReverse?: boolean }) {
  const t = useT();
  const locale = useLocale();
  const formatDate = useFormatDate();
  const place = (id: string | null, name: string | null, fallback: string) => (id && name ? <Link to={`/materials/locations/${id}`}>{name}</Link> : <span className="muted">{t(fallback)}</span>);
  if (rows.length === 0) return <EmptyState message={t("materials.movements.none")} />;
  const columns: Column<Row>[] = [
    { key: "when", header: t("materials.movements.when"), primary: true, cell: (m) => formatDate(m.occurredAt) },
    { key: "kind", header: t("materials.movements.kind"), cell: (m) => t(`materials.movementKind.${m.kind}`) },
    ...(showMaterial ? [{ key: "material", header: t("materials.movements.material"), cell: (m: Row) => <Link to={`/materials/${m.materialId}`}>{m.materialName}</Link> }] : []),
    { key: "from", header: t("materials.movements.from"), cell: (m) => place(m.fromLocationId, m.fromName, m.kind === "RECEIPT" ? "materials.movements.printer" : m.shipmentId ? "materials.movements.inTransit" : "materials.movements.outside") },
    { key: "to", header: t("materials.movements.to"), cell: (m) => place(m.toLocationId, m.toName, m.shipmentId && m.kind === "TRANSFER" ? "materials.movements.inTransit" : "materials.movements.outside") },
    { key: "quantity", header: t("materials.movements.quantity"), align: "end", cell: (m) => formatQty(m.quantity, locale) },
    { key: "detail", header: t("materials.movements.detail"), cell: (m) => <MovementDetail m={m} /> },
    ...(canReverse ? [{ key: "actions", header: t("materials.movements.actions"), cell: (m: Row) => (!m.reversedById && m.kind !== "REVERSAL" && !m.shipmentId ? <ReverseForm id={m.id} /> : null) }] : []),
  ];
  return (
    <div data-testid="movements">
      <DataTable
        label={t("materials.detail.movements")}
        columns={columns}
        rows={rows}
        rowKey={(m) => m.id}
        rowAttrs={(m) => ({ "data-movement": m.id, "data-kind": m.kind, className: m.reversedById ? "mt-reversed" : undefined })}
        className="mt-table"
      />
    </div>
  );
}

/** The shipment, supplier, reason and reversal links of a movement, then who recorded it. */
function MovementDetail({ m }: { m: Row }) {
  const t = useT();
  return (
    <>
      {m.shipmentId ? (
        <>
          <Link to={`/materials/shipments/${m.shipmentId}`}>{t("materials.movements.shipment", { number: m.shipmentNumber ?? "" })}</Link>{" "}
        </>
      ) : null}
      {m.supplier ? `${m.supplier}${m.orderRef ? ` (${m.orderRef})` : ""} ` : null}
      {m.reason ? <span>{m.reason} </span> : null}
      {m.reversesId ? <span className="muted">{t("materials.movements.reverses", { id: m.reversesId })} </span> : null}
      {m.reversedById ? <span className="muted">{t("materials.movements.reversedBy", { id: m.reversedById })} </span> : null}
      {m.createdBy ? <span className="muted">— {m.createdBy}</span> : null}
      <span className="muted"> #{m.id}</span>
    </>
  );
}

function ReverseForm({ id }: { id: string }) {
  const t = useT();
  return (
    <Form method="post" className="mt-inline-form">
      <input type="hidden" name="intent" value="REVERSAL" />
      <input type="hidden" name="movementId" value={id} />
      <label className="sr-only" htmlFor={`reason-${id}`}>
        {t("materials.movements.reverseReason")}
      </label>
      <input id={`reason-${id}`} name="reason" placeholder={t("materials.movements.reverseReason")} maxLength={500} required />
      <button type="submit" className="link-button">
        {t("materials.movements.reverse")}
      </button>
    </Form>
  );
}
