import { Form, Link, useSearchParams } from "@remix-run/react";
import { Card, Field, FormError } from "~/components/ui";
import { useFormatDate, useT } from "~/i18n/use-t";
import type { IntentState, SetupView } from "./state";

/** The set-up page's address that opens the reopen form on one submitted evaluation. */
export function reopenHref(evaluationId: string): string {
  return `?reopen=${encodeURIComponent(evaluationId)}#reopen`;
}

/**
 * Reopening one submitted evaluation (a reason is required). The evaluation is chosen in the
 * assignments table (its «Enviada» badge links here with ?reopen=<id>): one form, not one per
 * submitted evaluation — at 500 evaluations those forms were most of the page's 700 KB.
 */
export function ReopenCard({ view, busy, state }: { view: SetupView; busy: boolean; state: IntentState }) {
  const t = useT();
  const format = useFormatDate();
  const [params] = useSearchParams();
  const submitted = view.evaluations.filter((e) => e.state === "SUBMITTED");
  // A refused post shows its evaluation again; otherwise the one the link chose.
  const chosenId = state.values.evaluationId ?? params.get("reopen");
  const chosen = chosenId ? submitted.find((e) => e.id === chosenId) : undefined;
  const project = chosen ? view.submissions.find((s) => s.id === chosen.submissionId) : undefined;
  const juror = chosen ? view.jurors.find((j) => j.userId === chosen.userId) : undefined;
  return (
    <div id="reopen">
      <Card title={t("jury.setup.reopenTitle")} className="jy-section">
        {chosen ? (
          <Form method="post" className="jy-inline" noValidate>
            <input type="hidden" name="intent" value="reopen" />
            <input type="hidden" name="evaluationId" value={chosen.id} />
            <p className="field--wide">
              <strong>{t("jury.setup.reopenWhich", { project: project ? `${project.folio} · ${project.title}` : "—", juror: juror?.name ?? "—" })}</strong>
              {chosen.submittedAt ? <span className="muted"> — {format(chosen.submittedAt)}</span> : null}
            </p>
            <Field name="reason" id={`reopen-${chosen.id}`} label={t("jury.setup.reopenReason")} defaultValue={state.values.reason ?? ""} error={state.errors.reason} />
            <button type="submit" className="button" disabled={busy}>
              {t("jury.setup.reopen")}
            </button>
            <Link to="?#reopen" preventScrollReset>
              {t("jury.setup.reopenCancel")}
            </Link>
          </Form>
        ) : (
          <p className="muted">{submitted.length ? t("jury.setup.reopenPick", { count: submitted.length, n: submitted.length }) : t("jury.setup.noSubmitted")}</p>
        )}
        <FormError error={state.errors._form} />
      </Card>
    </div>
  );
}
