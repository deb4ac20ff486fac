import { Form } from "@remix-run/react";
import { Card, DataTable, Field, FormError, type Column } from "~/components/ui";
import { useFormatDate, useT } from "~/i18n/use-t";
import type { IntentState, SetupView } from "./state";

type Evaluation = SetupView["evaluations"][number];

/** Submitted evaluations, each with the form that reopens it (a reason is required). */
export function ReopenCard({ view, busy, state }: { view: SetupView; busy: boolean; state: IntentState }) {
  const t = useT();
  const format = useFormatDate();
  const project = new Map(view.submissions.map((s) => [s.id, s]));
  const jurorName = new Map(view.jurors.map((j) => [j.userId, j.name]));
  const mine = (e: Evaluation) => state.values.evaluationId === e.id;
  const columns: Column<Evaluation>[] = [
    {
      key: "evaluation",
      header: t("jury.setup.project"),
      primary: true,
      cell: (e) => (
        <>
          {project.get(e.submissionId)?.folio ?? "—"} · {jurorName.get(e.userId) ?? "—"}
          <div className="muted">{e.submittedAt ? format(e.submittedAt) : ""}</div>
        </>
      ),
    },
    {
      key: "reopen",
      header: t("jury.setup.reopen"),
      cell: (e) => (
        <Form method="post" className="jy-inline" noValidate>
          <input type="hidden" name="intent" value="reopen" />
          <input type="hidden" name="evaluationId" value={e.id} />
          <Field name="reason" id={`reopen-${e.id}`} label={t("jury.setup.reopenReason")} defaultValue={mine(e) ? state.values.reason : ""} error={mine(e) ? state.errors.reason : undefined} />
          <button type="submit" className="button" disabled={busy}>
            {t("jury.setup.reopen")}
          </button>
        </Form>
      ),
    },
  ];
  return (
    <Card title={t("jury.setup.reopenTitle")} className="jy-section">
      <DataTable label={t("jury.setup.reopenTitle")} columns={columns} rows={view.evaluations.filter((e) => e.state === "SUBMITTED")} rowKey={(e) => e.id} empty={{ message: t("jury.setup.noSubmitted") }} />
      <FormError error={state.errors._form} />
    </Card>
  );
}
