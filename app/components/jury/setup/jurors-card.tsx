import { Form, Link } from "@remix-run/react";
import { Card, FormActions, DataTable, Field, FormError, SelectField, type Column } from "~/components/ui";
import { useLocale, useT } from "~/i18n/use-t";
import { formatDate } from "~/lib/format";
import { IntentButton } from "./intent-button";
import { pairKey, type IntentState, type SetupView } from "./state";

type Juror = SetupView["jurors"][number];

/** The jurors (designation, progress, remove) and the form designating one. */
export function JurorsCard({ view, busy, state }: { view: SetupView; busy: boolean; state: (intent: string) => IntentState }) {
  const t = useT();
  const locale = useLocale();
  const assigned = new Set(view.assignments.map((a) => pairKey(a.submissionId, a.userId)));
  const progress = (j: Juror) =>
    t("jury.progress.count", {
      submitted: view.evaluations.filter((e) => e.userId === j.userId && e.state === "SUBMITTED" && assigned.has(pairKey(e.submissionId, j.userId))).length,
      total: view.assignments.filter((a) => a.userId === j.userId).length,
    });
  const columns: Column<Juror>[] = [
    {
      key: "juror",
      header: t("jury.setup.juror"),
      primary: true,
      cell: (j) => (
        <>
          {j.name}
          <div className="muted">
            {j.email}
            {j.invited ? ` · ${t("jury.setup.invitedPending")}` : ""}
          </div>
        </>
      ),
    },
    {
      key: "designation",
      header: t("jury.setup.designationRef"),
      cell: (j) =>
        j.agreement ? (
          <Link to={`/meetings/agreements/${j.agreement.id}`} data-designated-by={j.agreement.number}>
            {t("meetings.agreements.designatedBy", { number: j.agreement.number, date: formatDate(j.agreement.adoptedOn, locale) })}
          </Link>
        ) : (
          j.designationRef
        ),
    },
    { key: "designatedOn", header: t("jury.setup.designatedOn"), cell: (j) => (j.designatedOn ? formatDate(j.designatedOn, locale, "long") : "—") },
    { key: "expertise", header: t("jury.setup.expertise"), cell: (j) => j.expertise.join(", ") },
    { key: "progress", header: t("jury.progress.label"), cell: progress },
    {
      key: "remove",
      header: <span className="sr-only">{t("jury.setup.removeJuror")}</span>,
      label: t("jury.setup.removeJuror"),
      cell: (j) => (
        <IntentButton intent="removeJuror" fields={{ userId: j.userId }} className="link-button" disabled={busy}>
          {t("jury.setup.removeJuror")}
        </IntentButton>
      ),
    },
  ];
  const { errors, values } = state("designate");
  return (
    <Card title={t("jury.setup.jurorsTitle")} className="jy-section">
      <DataTable label={t("jury.setup.jurorsTitle")} columns={columns} rows={view.jurors} rowKey={(j) => j.userId} empty={{ message: t("jury.setup.noJurors") }} />
      <FormError error={state("removeJuror").errors._form} />
      <h3>{t("jury.setup.designateTitle")}</h3>
      <Form method="post" noValidate className="form-grid">
        <input type="hidden" name="intent" value="designate" />
        <Field name="email" idPrefix="jy" type="email" label={t("jury.setup.email")} defaultValue={values.email} error={errors.email} required />
        <Field name="name" idPrefix="jy" label={t("jury.setup.name")} hint={t("jury.setup.nameHint")} defaultValue={values.name} error={errors.name} />
        <SelectField
          name="agreementId"
          idPrefix="jy"
          label={t("jury.setup.agreement")}
          hint={t("jury.setup.agreementHint")}
          placeholder={t("jury.setup.noAgreement")}
          options={view.agreements.map((a) => ({ value: a.id, label: `${a.number} (${formatDate(a.adoptedOn, locale)})` }))}
          defaultValue={values.agreementId}
          error={errors.agreementId}
        />
        <Field name="designationRef" idPrefix="jy" label={t("jury.setup.designationRef")} hint={t("jury.setup.designationRefHint")} defaultValue={values.designationRef} error={errors.designationRef} />
        <Field name="designatedOn" idPrefix="jy" type="date" label={t("jury.setup.designatedOn")} defaultValue={values.designatedOn} error={errors.designatedOn} />
        <Field name="expertise" idPrefix="jy" label={t("jury.setup.expertise")} hint={t("jury.setup.expertiseHint")} defaultValue={values.expertise} error={errors.expertise} />
        <FormError error={errors._form} />
        <FormActions submitLabel={t("jury.setup.designate")} busy={busy} />
      </Form>
    </Card>
  );
}
