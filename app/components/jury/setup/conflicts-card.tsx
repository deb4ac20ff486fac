import { Form } from "@remix-run/react";
import { Card, Field, FormError, SelectField } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { pairKey, type IntentState, type SetupView } from "./state";

/** Conflicts of interest: those declared or recorded, and the form recording one. */
export function ConflictsCard({ view, busy, state }: { view: SetupView; busy: boolean; state: IntentState }) {
  const t = useT();
  const project = new Map(view.submissions.map((s) => [s.id, s]));
  const jurorName = new Map(view.jurors.map((j) => [j.userId, j.name]));
  const { errors, values } = state;
  return (
    <Card title={t("jury.setup.conflictTitle")} className="jy-section">
      {view.conflicts.length > 0 ? (
        <ul>
          {view.conflicts.map((x) => (
            <li key={pairKey(x.submissionId, x.userId)}>
              {project.get(x.submissionId)?.folio ?? x.submissionId} · {jurorName.get(x.userId) ?? x.userId} — {x.reason} ({x.recordedById === x.userId ? t("jury.setup.declaredByJuror") : t("jury.setup.recordedByOffice")})
            </li>
          ))}
        </ul>
      ) : null}
      <Form method="post" noValidate className="form-grid">
        <input type="hidden" name="intent" value="conflict" />
        <SelectField name="submissionId" id="conflict-project" label={t("jury.setup.project")} options={view.submissions.map((s) => ({ value: s.id, label: `${s.folio} · ${s.title}` }))} defaultValue={values.submissionId} />
        <SelectField name="userId" id="conflict-juror" label={t("jury.setup.juror")} options={view.jurors.map((j) => ({ value: j.userId, label: j.name }))} defaultValue={values.userId} />
        <Field name="reason" idPrefix="jy" label={t("jury.conflict.reason")} defaultValue={values.reason} error={errors.reason} required />
        <FormError error={errors._form ?? errors.submissionId ?? errors.userId} />
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy || view.jurors.length === 0}>
            {t("jury.setup.recordConflict")}
          </button>
        </div>
      </Form>
    </Card>
  );
}
