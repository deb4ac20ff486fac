import { Form } from "@remix-run/react";
import { FieldError, FormErrorSummary, StatusBadge } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { CHECK_RESULTS } from "~/modules/contest";
import { CheckBadge } from "../ui";
import type { PanelProps } from "./types";

/** The requirement checklist of one project: a result and a note per requirement. */
export function ReviewPanel({ s, busy, actionData, errorsFor, reviewOpen }: PanelProps & { reviewOpen: boolean }) {
  const t = useT();
  const errors = errorsFor("checks");
  const values = actionData?.intent === "checks" ? (actionData.values ?? {}) : null;
  return (
    <section className="panel" aria-labelledby="review-title">
      <h2 id="review-title">{t("contest.review.title")}</h2>
      {s.review.length === 0 ? (
        <p className="muted">{t("contest.review.noRequirements")}</p>
      ) : (
        <Form method="post">
          <input type="hidden" name="intent" value="checks" />
          <FormErrorSummary errors={errors} idPrefix="review" />
          <div className="table-wrap">
            <table className="ct-review">
              <thead>
                <tr>
                  <th scope="col">{t("contest.review.requirement")}</th>
                  <th scope="col">{t("contest.review.result")}</th>
                  <th scope="col">{t("contest.review.note")}</th>
                </tr>
              </thead>
              <tbody>
                {s.review.map((r) => {
                  const id = r.requirement.id;
                  return (
                    <tr key={id} data-requirement={r.requirement.name}>
                      <th scope="row">
                        {r.requirement.name} <StatusBadge tone="neutral" label={t(r.requirement.required ? "contest.requirements.required" : "contest.requirements.optional")} />
                        {r.requirement.description ? <p className="muted">{r.requirement.description}</p> : null}
                        <CheckBadge result={r.result} />
                      </th>
                      <td data-label={t("contest.review.result")}>
                        <label htmlFor={`result_${id}`} className="sr-only">
                          {t("contest.review.resultFor", { name: r.requirement.name })}
                        </label>
                        <select id={`result_${id}`} name={`result_${id}`} defaultValue={values?.[`result_${id}`] ?? r.result} disabled={!reviewOpen}>
                          {CHECK_RESULTS.map((c) => (
                            <option key={c} value={c}>
                              {t(`contest.check.${c}`)}
                            </option>
                          ))}
                        </select>
                        <FieldError error={errors[`result_${id}`]} />
                      </td>
                      <td data-label={t("contest.review.note")}>
                        <label htmlFor={`note_${id}`} className="sr-only">
                          {t("contest.review.noteFor", { name: r.requirement.name })}
                        </label>
                        <textarea id={`note_${id}`} name={`note_${id}`} rows={2} defaultValue={values?.[`note_${id}`] ?? r.note ?? ""} disabled={!reviewOpen} />
                        <FieldError error={errors[`note_${id}`]} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {reviewOpen ? (
            <button type="submit" className="button button--primary" disabled={busy}>
              {t("contest.review.save")}
            </button>
          ) : null}
        </Form>
      )}
    </section>
  );
}
