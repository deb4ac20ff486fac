/**
 * The project and its receipt, as recorded when a submission arrives and as corrected later:
 * one list of fields for both forms. Both render into the caller's `.form-grid`.
 *
 *   <div className="form-grid"><ProjectFields values={values} errors={errors} /></div>
 */
import { Field } from "~/components/contact-detail/field";
import { DateTimeField, SelectField } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { RECEIPT_CHANNELS } from "~/modules/contest";

type Values = Partial<Record<string, string>>;
type Errors = Partial<Record<string, string>>;

export function ProjectFields({ values, errors }: { values: Values; errors: Errors }) {
  const t = useT();
  return (
    <>
      <Field name="title" label={t("contest.submission.title")} defaultValue={values.title} error={errors.title} required wide />
      <Field name="summary" label={t("contest.submission.summary")} defaultValue={values.summary} error={errors.summary} multiline wide />
      <Field name="targetCommunities" label={t("contest.submission.targetCommunities")} defaultValue={values.targetCommunities} error={errors.targetCommunities} multiline />
      <Field name="targetCities" label={t("contest.submission.targetCities")} defaultValue={values.targetCities} error={errors.targetCities} />
      <Field name="requestedBudget" label={t("contest.submission.requestedBudget")} hint={t("contest.submission.budgetHint")} defaultValue={values.requestedBudget} error={errors.requestedBudget} />
    </>
  );
}

/** When and how the project arrived; `timeZone` is the zone the date is typed in. */
export function ReceiptFields({ values, errors, timeZone }: { values: Values; errors: Errors; timeZone: string }) {
  const t = useT();
  const channels = RECEIPT_CHANNELS.map((c) => ({ value: c, label: t(`contest.channel.${c}`) }));
  return (
    <>
      <DateTimeField name="receivedAt" label={t("contest.submission.receivedAt")} hint={t("contest.form.datesHint", { zone: timeZone })} defaultValue={values.receivedAt} error={errors.receivedAt} required />
      <SelectField name="channel" label={t("contest.submission.channel")} options={channels} defaultValue={values.channel} error={errors.channel} required />
    </>
  );
}
