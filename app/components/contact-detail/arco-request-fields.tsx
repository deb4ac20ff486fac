import { useT } from "~/i18n/use-t";
import { ARCO_KINDS, ARCO_STATES } from "~/modules/contacts";
import { Field } from "./field";

export type ArcoFormValues = Partial<Record<string, string | number | null>>;

/** The fields of an ARCO request (the new-request form and the request's page). */
export function ArcoRequestFields({ values, errors, today, withState }: { values: ArcoFormValues; errors: Record<string, string>; today: string; withState?: boolean }) {
  const t = useT();
  const v = (name: string) => values[name] ?? "";
  return (
    <div className="form-grid">
      <div className="field">
        <label htmlFor="arco-kind">
          {t("contacts.arco.fields.kind")}
          <span aria-hidden="true"> *</span>
        </label>
        <select id="arco-kind" name="kind" defaultValue={String(v("kind"))} required aria-invalid={errors.kind ? true : undefined}>
          <option value="" disabled>
            {t("contacts.arco.fields.chooseKind")}
          </option>
          {ARCO_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`contacts.arco.kind.${kind}`)}
            </option>
          ))}
        </select>
        {errors.kind ? <p className="field-error">{t(errors.kind)}</p> : null}
      </div>
      {withState ? (
        <div className="field">
          <label htmlFor="arco-state">{t("contacts.arco.fields.state")}</label>
          <select id="arco-state" name="state" defaultValue={String(v("state"))}>
            {ARCO_STATES.map((state) => (
              <option key={state} value={state}>
                {t(`contacts.arco.state.${state}`)}
              </option>
            ))}
          </select>
          {errors.state ? <p className="field-error">{t(errors.state)}</p> : null}
        </div>
      ) : null}
      <Field idPrefix="arco" name="receivedOn" type="date" label={t("contacts.arco.fields.receivedOn")} hint={t("contacts.arco.hints.receivedOn")} defaultValue={v("receivedOn")} error={errors.receivedOn} max={today} required />
      <Field idPrefix="arco" name="requesterName" label={t("contacts.arco.fields.requesterName")} defaultValue={v("requesterName")} error={errors.requesterName} autoComplete="off" required />
      <Field idPrefix="arco" name="requesterEmail" type="email" label={t("contacts.arco.fields.requesterEmail")} hint={t("contacts.arco.hints.requesterEmail")} defaultValue={v("requesterEmail")} error={errors.requesterEmail} autoComplete="off" />
      <Field idPrefix="arco" name="contactId" label={t("contacts.arco.fields.contactId")} hint={t("contacts.arco.hints.contactId")} defaultValue={v("contactId")} error={errors.contactId} autoComplete="off" />
      <Field idPrefix="arco" name="notes" label={t("contacts.arco.fields.notes")} defaultValue={v("notes")} error={errors.notes} multiline wide />
    </div>
  );
}
