import { useT } from "~/i18n/use-t";
import { ARCO_KINDS, ARCO_STATES } from "~/modules/contacts";
import { Field, SelectField, TextareaField } from "~/components/ui";

export type ArcoFormValues = Partial<Record<string, string | number | null>>;

/** The fields of an ARCO request (the new-request form and the request's page). */
export function ArcoRequestFields({ values, errors, today, withState }: { values: ArcoFormValues; errors: Record<string, string>; today: string; withState?: boolean }) {
  const t = useT();
  const v = (name: string) => values[name] ?? "";
  return (
    <div className="form-grid">
      <SelectField
        id="arco-kind"
        name="kind"
        label={t("contacts.arco.fields.kind")}
        defaultValue={String(v("kind"))}
        error={errors.kind}
        required
        options={[{ value: "", label: t("contacts.arco.fields.chooseKind"), disabled: true }, ...ARCO_KINDS.map((kind) => ({ value: kind, label: t(`contacts.arco.kind.${kind}`) }))]}
      />
      {withState ? (
        <SelectField id="arco-state" name="state" label={t("contacts.arco.fields.state")} defaultValue={String(v("state"))} error={errors.state} options={ARCO_STATES.map((state) => ({ value: state, label: t(`contacts.arco.state.${state}`) }))} />
      ) : null}
      <Field idPrefix="arco" name="receivedOn" type="date" label={t("contacts.arco.fields.receivedOn")} hint={t("contacts.arco.hints.receivedOn")} defaultValue={v("receivedOn")} error={errors.receivedOn} max={today} required />
      <Field idPrefix="arco" name="requesterName" label={t("contacts.arco.fields.requesterName")} defaultValue={v("requesterName")} error={errors.requesterName} autoComplete="off" required />
      <Field idPrefix="arco" name="requesterEmail" type="email" label={t("contacts.arco.fields.requesterEmail")} hint={t("contacts.arco.hints.requesterEmail")} defaultValue={v("requesterEmail")} error={errors.requesterEmail} autoComplete="off" />
      <Field idPrefix="arco" name="contactId" label={t("contacts.arco.fields.contactId")} hint={t("contacts.arco.hints.contactId")} defaultValue={v("contactId")} error={errors.contactId} autoComplete="off" />
      <TextareaField idPrefix="arco" name="notes" label={t("contacts.arco.fields.notes")} defaultValue={String(v("notes"))} error={errors.notes} wide />
    </div>
  );
}
