import { Field, SelectField, TextareaField } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { AGREEMENT_STATUSES } from "~/modules/partners";
import { PageForm, type Errors, type Values } from "./form-parts";

/** A new agreement, or (with `agreementId`) an edit of one: its status, dates and document. */
export function AgreementForm({ values, errors, busy, maxMb, agreementId, idPrefix = "agreement" }: { values: Values; errors: Errors; busy: boolean; maxMb: number; agreementId?: string; idPrefix?: string }) {
  const t = useT();
  return (
    <PageForm intent="agreement" record={{ name: "agreementId", id: agreementId }} errors={errors} idPrefix={idPrefix} errorParams={{ max: maxMb }} multipart submitLabel={t("partners.agreement.save")} busy={busy}>
      <div className="form-grid">
        <Field idPrefix={idPrefix} name="title" label={t("partners.agreement.title")} defaultValue={values.title} error={errors.title} required wide />
        <Field idPrefix={idPrefix} name="reference" label={t("partners.agreement.reference")} defaultValue={values.reference} error={errors.reference} />
        <Field idPrefix={idPrefix} name="signedOn" type="date" label={t("partners.agreement.signedOn")} defaultValue={values.signedOn} error={errors.signedOn} />
        <Field idPrefix={idPrefix} name="validUntil" type="date" label={t("partners.agreement.validUntil")} defaultValue={values.validUntil} error={errors.validUntil} />
        <SelectField
          idPrefix={idPrefix}
          name="status"
          label={t("partners.agreement.status")}
          defaultValue={values.status ?? "NEGOTIATION"}
          error={errors.status}
          options={AGREEMENT_STATUSES.map((s) => ({ value: s, label: t(`partners.agreementStatus.${s}`) }))}
        />
        <Field idPrefix={idPrefix} name="document" type="file" label={t("partners.agreement.document")} accept="application/pdf,image/png,image/jpeg" error={errors.document} errorParams={{ max: maxMb }} />
        <TextareaField idPrefix={idPrefix} name="notes" label={t("partners.fields.notes")} defaultValue={values.notes} error={errors.notes} wide />
      </div>
    </PageForm>
  );
}
