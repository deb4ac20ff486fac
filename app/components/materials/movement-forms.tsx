import { Form, useNavigation } from "@remix-run/react";
import { Card, Field, FieldError, SearchPicker, SelectField } from "~/components/ui";
import { useT } from "~/i18n/use-t";

type Errors = Record<string, string>;

/**
 * «Registrar un movimiento»: one disclosure per kind (receipt, transfer, return, adjustment, loss),
 * each a small form posting its kind as `intent`. The one that was refused opens with its errors.
 * Places are searched (/materials/locations/options): the page no longer renders every location in
 * each of its six place fields (306 locations at scale: 156 KB of the page's 495 KB).
 */
export function MovementForms({ openIntent, errors }: { openIntent: string | undefined; errors: Errors }) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const errs = (intent: string) => (openIntent === intent ? errors : {});
  const place = (intent: string, name: string, label: string) => (
    <SearchPicker name={name} idPrefix={`mv-${intent}`} label={label} source="/materials/locations/options" placeholder={t("materials.form.choose")} error={errs(intent)[name]} />
  );
  const text = (intent: string, name: string, label: string) => <Field name={name} idPrefix={`mv-${intent}`} label={label} error={errs(intent)[name]} inputMode={name === "quantity" ? "numeric" : undefined} maxLength={500} />;
  const submit = (label: string, primary = false) => (
    <button type="submit" className={primary ? "button button--primary" : "button"} disabled={busy}>
      {label}
    </button>
  );
  const block = (intent: string, children: React.ReactNode) => (
    <details key={intent} open={openIntent === intent}>
      <summary>{t(`materials.movementKind.${intent}`)}</summary>
      <Form method="post" className="mt-inline-form">
        <input type="hidden" name="intent" value={intent} />
        {children}
      </Form>
    </details>
  );
  return (
    <Card title={t("materials.detail.record")} className="mt-forms">
      {block(
        "RECEIPT",
        <>
          {place("RECEIPT", "toLocationId", t("materials.form.toLocation"))}
          {text("RECEIPT", "quantity", t("materials.form.quantity"))}
          {text("RECEIPT", "supplier", t("materials.form.supplier"))}
          {text("RECEIPT", "orderRef", t("materials.form.orderRef"))}
          {submit(t("materials.form.recordReceipt"), true)}
        </>,
      )}
      {(["TRANSFER", "RETURN"] as const).map((kind) =>
        block(
          kind,
          <>
            {place(kind, "fromLocationId", t("materials.form.fromLocation"))}
            {place(kind, "toLocationId", t("materials.form.toLocation"))}
            {text(kind, "quantity", t("materials.form.quantity"))}
            {text(kind, "reason", t("materials.form.note"))}
            {submit(t("materials.form.record"))}
          </>,
        ),
      )}
      {block(
        "ADJUSTMENT",
        <>
          {place("ADJUSTMENT", "locationId", t("materials.form.location"))}
          <SelectField
            name="direction"
            id="adj-direction"
            label={t("materials.form.direction")}
            defaultValue="in"
            options={[
              { value: "in", label: t("materials.form.directionIn") },
              { value: "out", label: t("materials.form.directionOut") },
            ]}
          />
          {text("ADJUSTMENT", "quantity", t("materials.form.quantity"))}
          {text("ADJUSTMENT", "reason", t("materials.form.reason"))}
          {submit(t("materials.form.record"))}
        </>,
      )}
      {block(
        "LOSS",
        <>
          {place("LOSS", "fromLocationId", t("materials.form.location"))}
          {text("LOSS", "quantity", t("materials.form.quantity"))}
          {text("LOSS", "reason", t("materials.form.reason"))}
          {submit(t("materials.form.record"))}
        </>,
      )}
      <FieldError error={errs("REVERSAL").reason} />
    </Card>
  );
}
