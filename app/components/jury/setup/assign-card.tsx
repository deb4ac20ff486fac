import { Form } from "@remix-run/react";
import { Card, DataTable, EmptyState, Field, FormError, StatusBadge, Toolbar, type Column } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { IntentButton } from "./intent-button";
import { reopenHref } from "./reopen-card";
import { pairKey, type IntentState, type SetupView } from "./state";

type Submission = SetupView["submissions"][number];

/** Who evaluates which project: assign everything, a balanced k per project, or cell by cell. */
export function AssignCard({ view, busy, state }: { view: SetupView; busy: boolean; state: (intent: string) => IntentState }) {
  const t = useT();
  const assigned = new Set(view.assignments.map((a) => pairKey(a.submissionId, a.userId)));
  const conflicts = new Map(view.conflicts.map((x) => [pairKey(x.submissionId, x.userId), x]));
  const evaluations = new Map(view.evaluations.map((e) => [pairKey(e.submissionId, e.userId), e]));
  const balanced = state("assignBalanced");
  const error = state("assignAll").errors._form ?? balanced.errors._form ?? balanced.errors.k ?? state("assign").errors._form ?? state("unassign").errors._form;
  /** One juror's cell: the conflict, the evaluation's state, or the button that assigns or unassigns. */
  const cell = (s: Submission, j: SetupView["jurors"][number]) => {
    const key = pairKey(s.id, j.userId);
    const conflict = conflicts.get(key);
    const evaluation = evaluations.get(key);
    const isAssigned = assigned.has(key);
    if (conflict) return <span title={conflict.reason}><StatusBadge tone="neutral" label={t("jury.setup.cellConflict")} /></span>;
    if (evaluation?.state === "SUBMITTED")
      // The way to reopen it: the reopen card's one form opens on this evaluation.
      return (
        // A plain relative link (no client routing data): one per submitted evaluation, hundreds a page.
        <a href={reopenHref(evaluation.id)} aria-label={t("jury.setup.reopenLink", { juror: j.name, project: s.folio })}>
          <StatusBadge tone="success" label={t("jury.evalState.SUBMITTED")} />
        </a>
      );
    if (evaluation) return <StatusBadge tone="warning" label={t(`jury.evalState.${evaluation.state}`)} />;
    return (
      <IntentButton
        intent={isAssigned ? "unassign" : "assign"}
        fields={{ submissionId: s.id, userId: j.userId }}
        className={isAssigned ? "button" : "link-button"}
        disabled={busy}
        label={t(isAssigned ? "jury.setup.unassignLabel" : "jury.setup.assignLabel", { juror: j.name, project: s.folio })}
      >
        {isAssigned ? "✓" : "+"}
      </IntentButton>
    );
  };
  const columns: Column<Submission>[] = [
    { key: "project", header: t("jury.setup.project"), primary: true, cell: (s) => `${s.folio} · ${s.title}` },
    ...view.jurors.map((j): Column<Submission> => ({ key: `juror-${j.userId}`, header: j.name, cell: (s) => cell(s, j) })),
  ];
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
      {view.jurors.length > 0 ? (
        <DataTable label={t("jury.setup.assignTitle")} columns={columns} rows={view.submissions} rowKey={(s) => s.id} className="jy-matrix" empty={{ message: t("jury.setup.nothingToAssign") }} />
      ) : (
        <EmptyState message={t("jury.setup.nothingToAssign")} />
      )}
    </Card>
  );
}
