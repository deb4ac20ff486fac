import { Form, Link } from "@remix-run/react";
import { useFormatDate, useLocale, useT } from "~/i18n/use-t";
import { formatQty } from "./labels";

type Row = {
  id: string;
  kind: string;
  materialId: string;
  materialName: string;
  fromLocationId: string | null;
  fromName: string | null;
  toLocationId: string | null;
  toName: string | null;
  quantity: number;
  occurredAt: string | Date;
  shipmentId: string | null;
  shipmentNumber: number | null;
  supplier: string | null;
  orderRef: string | null;
  reason: string | null;
  reversesId: string | null;
  reversedById: string | null;
  createdBy: string | null;
};

/** The ledger's movements; a reversal button on those that can be reversed (when allowed). */
export function MovementsTable({ rows, showMaterial, canReverse }: { rows: readonly Row[]; showMaterial?: boolean; canReverse?: boolean }) {
  const t = useT();
  const locale = useLocale();
  const formatDate = useFormatDate();
  const place = (id: string | null, name: string | null, fallback: string) => (id && name ? <Link to={`/materials/locations/${id}`}>{name}</Link> : <span className="muted">{t(fallback)}</span>);
  if (rows.length === 0) return <p className="muted">{t("materials.movements.none")}</p>;
  return (
    <div className="table-wrap">
      <table className="mt-table" data-testid="movements">
        <thead>
          <tr>
            <th scope="col">{t("materials.movements.when")}</th>
            <th scope="col">{t("materials.movements.kind")}</th>
            {showMaterial ? <th scope="col">{t("materials.movements.material")}</th> : null}
            <th scope="col">{t("materials.movements.from")}</th>
            <th scope="col">{t("materials.movements.to")}</th>
            <th scope="col" className="num">
              {t("materials.movements.quantity")}
            </th>
            <th scope="col">{t("materials.movements.detail")}</th>
            {canReverse ? <th scope="col">{t("materials.movements.actions")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => (
            <tr key={m.id} data-movement={m.id} data-kind={m.kind} className={m.reversedById ? "mt-reversed" : undefined}>
              <td>{formatDate(m.occurredAt)}</td>
              <td>{t(`materials.movementKind.${m.kind}`)}</td>
              {showMaterial ? (
                <td>
                  <Link to={`/materials/${m.materialId}`}>{m.materialName}</Link>
                </td>
              ) : null}
              <td>{place(m.fromLocationId, m.fromName, m.kind === "RECEIPT" ? "materials.movements.printer" : m.shipmentId ? "materials.movements.inTransit" : "materials.movements.outside")}</td>
              <td>{place(m.toLocationId, m.toName, m.shipmentId && m.kind === "TRANSFER" ? "materials.movements.inTransit" : "materials.movements.outside")}</td>
              <td className="num">{formatQty(m.quantity, locale)}</td>
              <td>
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
              </td>
              {canReverse ? (
                <td>
                  {!m.reversedById && m.kind !== "REVERSAL" && !m.shipmentId ? (
                    <Form method="post" className="mt-inline-form">
                      <input type="hidden" name="intent" value="REVERSAL" />
                      <input type="hidden" name="movementId" value={m.id} />
                      <label className="sr-only" htmlFor={`reason-${m.id}`}>
                        {t("materials.movements.reverseReason")}
                      </label>
                      <input id={`reason-${m.id}`} name="reason" placeholder={t("materials.movements.reverseReason")} maxLength={500} required />
                      <button type="submit" className="link-button">
                        {t("materials.movements.reverse")}
                      </button>
                    </Form>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
