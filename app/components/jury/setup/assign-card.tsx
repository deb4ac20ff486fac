import { Form } from "@remix-run/react";
import { Card, EmptyState, Field, FormError, StatusBadge, Toolbar } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { IntentButton } from "./intent-button";
import { pairKey, type IntentState, type SetupView } from "./state";

/** Who evaluates which project: assign everything, a balanced k per project, or cell by cell. */
export function AssignCard({ view, busy, state }: { view: SetupView; busy: boolean; state: (intent: string) => IntentState }) {
  const t = useT();
  const assigned = new Set(view.assignments.map((a) => pairKey(a.submissionId, a.userId)));
  const conflicts = new Map(view.conflicts.map((x) => [pairKey(x.submissionId, x.userId), x]));
  const evaluations = new Map(view.evaluations.map((e) => [pairKey(e.submissionId, e.userId), e]));
  const balanced = state("assignBalanced");
  const error = state("assignAll").errors._form ?? balanced.errors._form ?? balanced.errors.k ?? state("assign").errors._form ?? state("unassign").errors._form;
  return (
    <Card title={t("jury.setup.assignTitle")} className="jy-section">
      <Toolbar>
        <IntentButton intent="assignAll" className="button button--primary" disabled={busy}>
          {t("jury.setup.assignAll")}
        </IntentButton>
        <Form method="post" className="jy-inline">
          <input type="hidden" name="intent" value="assignBalanced" />
          <Field name="k" id="assign-k" type="number" min="1" max={Math.max(view.jurors.length, 1)} label={t("jury.setup.k")} defaultValue={balanced.values.k ?? "2"} />
          <button type="submit" className="button" disabled={busy}>
            {t("jury.setup.assignBalanced")}
          </button>
        </Form>
      </Toolbar>
      <FormError error={error} />
      {view.submissions.length > 0 && view.jurors.length > 0 ? (
        <div className="table-wrap">
          <table className="jy-table jy-matrix">
            <thead>
              <tr>
                <th>{t("jury.setup.project")}</th>
                {view.jurors.map((j) => (
                  <th key={j.userId}>{j.name}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {view.submissions.map((s) => (
                <tr key={s.id}>
                  <td>
                    {s.folio} · {s.title}
                  </td>
                  {view.jurors.map((j) => {
                    const key = pairKey(s.id, j.userId);
                    const conflict = conflicts.get(key);
                    const evaluation = evaluations.get(key);
                    const isAssigned = assigned.has(key);
                    return (
                      <td key={j.userId} title={conflict?.reason}>
                        {conflict ? <StatusBadge tone="neutral" label={t("jury.setup.cellConflict")} /> : null}
                        {!conflict && evaluation ? <StatusBadge tone={evaluation.state === "SUBMITTED" ? "success" : "warning"} label={t(`jury.evalState.${evaluation.state}`)} /> : null}
                        {!conflict && !evaluation ? (
                          <IntentButton
                            intent={isAssigned ? "unassign" : "assign"}
                            fields={{ submissionId: s.id, userId: j.userId }}
                            className={isAssigned ? "button" : "link-button"}
                            disabled={busy}
                            label={t(isAssigned ? "jury.setup.unassignLabel" : "jury.setup.assignLabel", { juror: j.name, project: s.folio })}
                          >
                            {isAssigned ? "✓" : "+"}
                          </IntentButton>
                        ) : null}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <EmptyState message={t("jury.setup.nothingToAssign")} />
      )}
    </Card>
  );
}
