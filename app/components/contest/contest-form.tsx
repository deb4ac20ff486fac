import { Form } from "@remix-run/react";
import { Field } from "~/components/contact-detail/field";
import { DateTimeField, FormActions, FormErrorSummary } from "~/components/ui";
import { useT } from "~/i18n/use-t";

export type ContestFormValues = Partial<Record<string, string>>;

const DATE_FIELDS = ["submissionsOpenAt", "submissionsCloseAt", "reviewEndsAt", "evaluationStartsAt", "evaluationEndsAt", "resultsAt"] as const;
/** Typed as a day (the end of it, in the contest's zone) unless one already has a time. */
const DEADLINES = new Set(["submissionsCloseAt", "reviewEndsAt", "evaluationEndsAt"]);

/** Name, description, the phases' dates (in the contest's time zone) and the correction days. */
export function ContestForm({ values, errors, busy, submitLabel, cancelTo, timeZone }: { values: ContestFormValues; errors: Record<string, string>; busy: boolean; submitLabel: string; cancelTo: string; timeZone: string }) {
  const t = useT();
  return (
    <Form method="post" noValidate className="panel">
      <input type="hidden" name="intent" value="contest" />
      <FormErrorSummary errors={errors} />
      <div className="form-grid">
        <Field name="name" label={t("contest.form.name")} defaultValue={values.name} error={errors.name} required wide />
        <Field name="description" label={t("contest.form.description")} defaultValue={values.description} error={errors.description} multiline wide />
      </div>
      <fieldset className="ct-fieldset">
        <legend>{t("contest.form.dates")}</legend>
        <p className="hint muted">{t("contest.form.datesHint", { zone: timeZone })}</p>
        <div className="form-grid">
          {DATE_FIELDS.map((name) => (
            <DateTimeField key={name} name={name} label={t(`contest.form.${name}`)} defaultValue={values[name]} error={errors[name]} dateOnly={DEADLINES.has(name) && !values[name]?.includes("T")} required />
          ))}
        </div>
      </fieldset>
      <div className="form-grid">
        <Field name="correctionDays" type="number" label={t("contest.form.correctionDays")} hint={t("contest.form.correctionDaysHint")} defaultValue={values.correctionDays ?? "5"} error={errors.correctionDays} required />
      </div>
      <FormActions submitLabel={submitLabel} busy={busy} cancelTo={cancelTo} />
    </Form>
  );
}
