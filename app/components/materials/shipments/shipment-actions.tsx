import { Form, useNavigation } from "@remix-run/react";
import { Card, Field, FieldError, FormActions } from "~/components/ui";
import { useLocale, useT } from "~/i18n/use-t";
import { formatQty } from "../labels";
import { LinesEditor, type LineValue } from "../lines-editor";
import type { ShipmentView } from "./shipment-summary";

export type ShipmentMoves = { prepare: boolean; ship: boolean; receive: boolean; cancel: boolean; lines: boolean };

/** True when the shipment can still move: a received or cancelled one has no «Siguiente paso». */
export function hasNextStep(allowed: ShipmentMoves): boolean {
  return Object.values(allowed).some(Boolean);
}

/** «Siguiente paso»: the forms for the moves the shipment's status allows (nothing else is shown). */
export function ShipmentActions({
  shipment,
  allowed,
  materials,
  errors,
  postedLines,
}: {
  shipment: ShipmentView;
  allowed: ShipmentMoves;
  /** «Name (CODE)» of the stored lines' materials (the lines editor opens with them). */
  materials: Readonly<Record<string, string>>;
  errors: Record<string, string>;
  postedLines: LineValue[] | null;
}) {
  const t = useT();
  const locale = useLocale();
  const busy = useNavigation().state === "submitting";
  return (
    <Card title={t("materials.shipments.actions")} className="mt-forms">
      {allowed.prepare ? (
        <Form method="post" className="mt-inline-form">
          <FormActions submitLabel={t("materials.shipments.prepare")} intent="prepare" busy={busy} />
        </Form>
      ) : null}
      {allowed.ship ? (
        <Form method="post" className="mt-inline-form">
          <Field name="carrier" id="ship-carrier" label={t("materials.shipments.carrier")} defaultValue={shipment.carrier ?? ""} maxLength={120} />
          <Field name="trackingRef" id="ship-tracking" label={t("materials.shipments.trackingRef")} defaultValue={shipment.trackingRef ?? ""} maxLength={120} />
          <FormActions submitLabel={t("materials.shipments.ship")} intent="ship" busy={busy} />
        </Form>
      ) : null}
      {allowed.receive ? (
        <Form method="post">
          <p className="hint muted">{t("materials.shipments.receiveHint")}</p>
          <div className="form-grid">
            {shipment.lines.map((l) => (
              <Field
                key={l.id}
                id={`recv-${l.id}`}
                name={`received.${l.materialId}`}
                label={t("materials.shipments.receivedOf", { name: l.material.name, quantity: formatQty(l.quantity, locale) })}
                inputMode="numeric"
                defaultValue={String(l.quantity)}
                error={errors[`received.${l.materialId}`]}
              />
            ))}
            <Field id="recv-note" name="note" label={t("materials.shipments.lossNote")} maxLength={500} wide />
          </div>
          <FormActions submitLabel={t("materials.shipments.receive")} intent="receive" busy={busy} />
        </Form>
      ) : null}
      {allowed.lines ? (
        <details open={!!postedLines}>
          <summary>{t("materials.shipments.editLines")}</summary>
          <Form method="post" noValidate>
            {/* A hidden intent: «Añadir renglón» posts this form too (lines-editor). */}
            <input type="hidden" name="intent" value="lines" />
            <LinesEditor lines={postedLines ?? shipment.lines.map((l) => ({ materialId: l.materialId, qty: String(l.quantity) }))} labels={materials} errors={errors} blank={2} />
            <FormActions submitLabel={t("materials.shipments.saveLines")} busy={busy} />
          </Form>
        </details>
      ) : null}
      {allowed.cancel ? (
        <Form method="post" className="mt-inline-form">
          <FormActions submitLabel={t("materials.shipments.cancel")} intent="cancel" busy={busy} danger />
        </Form>
      ) : null}
      <FieldError error={errors.intent} />
    </Card>
  );
}
