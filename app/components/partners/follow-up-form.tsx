import { Field, SelectField, TextareaField } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { choiceOptions, PageForm, type Choice, type Errors, type Values } from "./form-parts";

/** A follow-up of an institution: new, or corrected with `followUpId`. */
export function FollowUpForm({ values, errors, staff, me, busy, followUpId, idPrefix = "followUp" }: { values: Values; errors: Errors; staff: Choice[]; me: string; busy: boolean; followUpId?: string; idPrefix?: string }) {
  const t = useT();
  return (
    <PageForm intent="followUp" record={{ name: "followUpId", id: followUpId }} errors={errors} idPrefix={idPrefix} submitLabel={t("partners.followUp.save")} busy={busy}>
      <div className="form-grid">
        <Field idPrefix={idPrefix} name="title" label={t("partners.followUp.title")} defaultValue={values.title} error={errors.title} required wide />
        <Field idPrefix={idPrefix} name="dueOn" type="date" label={t("partners.followUp.dueOn")} defaultValue={values.dueOn} error={errors.dueOn} required />
        <SelectField idPrefix={idPrefix} name="ownerId" label={t("partners.followUp.owner")} defaultValue={values.ownerId ?? me} error={errors.ownerId} required options={choiceOptions(staff)} />
        <TextareaField idPrefix={idPrefix} name="notes" label={t("partners.fields.notes")} defaultValue={values.notes} error={errors.notes} wide />
      </div>
    </PageForm>
  );
}
