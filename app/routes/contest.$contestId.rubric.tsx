import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Field } from "~/components/contact-detail/field";
import { pageTitle } from "~/components/contest/meta";
import { ContestHeader, contestLinks, FormErrorSummary } from "~/components/contest/ui";
import { useT } from "~/i18n/use-t";
import { requirePermission } from "~/modules/auth/session.server";
import { contestFrame, loadRubric, saveRubric } from "~/modules/contest/contest.server";
import { saveRowsAction } from "~/modules/contest/rows-action.server";
import { levelsToLines, parseCriterionRows } from "~/modules/contest/schema";
import { idParam } from "~/lib/params";

export const meta = pageTitle("contest.rubric.title");
export const links = contestLinks;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "edit:contest");
  const contestId = idParam(request, params.contestId, "key");
  const frame = await contestFrame(contestId);
  const criteria = await loadRubric(contestId);
  return { ...frame, canEdit: true, criteria };
}

type Row = Record<string, string>;

export async function action({ request, params }: ActionFunctionArgs) {
  return saveRowsAction(request, idParam(request, params.contestId, "key"), { parse: parseCriterionRows, save: saveRubric, path: "rubric", savedKey: "contest.rubric.saved" });
}

export default function RubricPage() {
  const loaderData = useLoaderData<typeof loader>();
  const { criteria, contest } = loaderData;
  const actionData = useActionData<typeof action>();
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const errors: Record<string, string> = actionData?.errors ?? {};
  const locked = contest.rubricLocked;
  const total = criteria.reduce((sum, c) => sum + c.weight, 0);
  const rows: Row[] =
    actionData?.rows ??
    [
      ...criteria.map((c) => ({
        id: c.id,
        name: c.name,
        description: c.description ?? "",
        weight: String(c.weight),
        scaleMin: String(c.scaleMin),
        scaleMax: String(c.scaleMax),
        levels: levelsToLines(c.levels, c.scaleMin, c.scaleMax),
        tieBreakRank: c.tieBreakRank === null ? "" : String(c.tieBreakRank),
      })),
      ...(locked ? [] : [{ id: "", name: "", description: "", weight: "", scaleMin: "1", scaleMax: "5", levels: "", tieBreakRank: "" }]),
    ];

  if (locked) {
    return (
      <>
        <ContestHeader frame={loaderData} title={t("contest.rubric.title")} />
        <section className="panel">
          <p className="form-error" role="status">
            {t("contest.rubric.locked")}
          </p>
          <RubricTable criteria={criteria} total={total} />
        </section>
      </>
    );
  }
  return (
    <>
      <ContestHeader frame={loaderData} title={t("contest.rubric.title")} />
      {criteria.length > 0 ? (
        <section className="panel">
          <RubricTable criteria={criteria} total={total} />
        </section>
      ) : null}
      <Form method="post" noValidate className="panel">
        <p className="muted">{t("contest.rubric.intro")}</p>
        <FormErrorSummary errors={errors} params={actionData?.params} />
        <div className="ct-rows">
          {rows.map((row, i) => (
            <fieldset key={`${row.id}-${i}`} className="ct-row" aria-label={t("contest.rubric.criterion", { n: i + 1 })}>
              <input type="hidden" name={`rows.${i}.id`} value={row.id ?? ""} />
              <Field name={`rows.${i}.name`} idPrefix="crit" label={t("contest.rubric.name")} defaultValue={row.name} error={errors[`rows.${i}.name`]} />
              <Field name={`rows.${i}.weight`} idPrefix="crit" label={t("contest.rubric.weight")} defaultValue={row.weight} error={errors[`rows.${i}.weight`]} />
              <Field name={`rows.${i}.scaleMin`} idPrefix="crit" type="number" label={t("contest.rubric.scaleMin")} defaultValue={row.scaleMin} error={errors[`rows.${i}.scaleMin`]} />
              <Field name={`rows.${i}.scaleMax`} idPrefix="crit" type="number" label={t("contest.rubric.scaleMax")} defaultValue={row.scaleMax} error={errors[`rows.${i}.scaleMax`]} />
              <Field name={`rows.${i}.tieBreakRank`} idPrefix="crit" type="number" label={t("contest.rubric.tieBreak")} hint={t("contest.rubric.tieBreakHint")} defaultValue={row.tieBreakRank} error={errors[`rows.${i}.tieBreakRank`]} />
              <Field name={`rows.${i}.description`} idPrefix="crit" label={t("contest.rubric.description")} defaultValue={row.description} error={errors[`rows.${i}.description`]} multiline wide />
              <Field name={`rows.${i}.levels`} idPrefix="crit" label={t("contest.rubric.levels")} hint={t("contest.rubric.levelsHint")} defaultValue={row.levels} error={errors[`rows.${i}.levels`]} multiline wide />
              {row.id ? (
                <label className="ct-check">
                  <input type="checkbox" name={`rows.${i}.remove`} defaultChecked={row.remove === "on"} /> {t("contest.rubric.remove")}
                </label>
              ) : null}
            </fieldset>
          ))}
        </div>
        <p className="hint muted">{t("contest.rubric.addHint")}</p>
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t("common.save")}
          </button>
        </div>
      </Form>
    </>
  );
}

function RubricTable({ criteria, total }: { criteria: Array<{ id: string; name: string; description: string | null; weight: number; scaleMin: number; scaleMax: number; levels: Record<string, string>; tieBreakRank: number | null }>; total: number }) {
  const t = useT();
  return (
    <div className="table-wrap">
      <table>
        <caption className="sr-only">{t("contest.rubric.title")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("contest.rubric.name")}</th>
            <th scope="col">{t("contest.rubric.weight")}</th>
            <th scope="col">{t("contest.rubric.scale")}</th>
            <th scope="col">{t("contest.rubric.tieBreak")}</th>
          </tr>
        </thead>
        <tbody>
          {criteria.map((c) => (
            <tr key={c.id}>
              <td>
                <strong>{c.name}</strong>
                {c.description ? <p className="muted">{c.description}</p> : null}
                <ol className="ct-levels" start={c.scaleMin}>
                  {Object.entries(c.levels).map(([level, text]) => (
                    <li key={level} value={Number(level)}>
                      {text}
                    </li>
                  ))}
                </ol>
              </td>
              <td>{c.weight} %</td>
              <td>
                {c.scaleMin}–{c.scaleMax}
              </td>
              <td>{c.tieBreakRank ?? t("common.none")}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("contest.rubric.total")}</th>
            <td>{Math.round(total * 100) / 100} %</td>
            <td colSpan={2} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
