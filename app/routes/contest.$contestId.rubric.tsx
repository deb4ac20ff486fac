import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { pageTitle } from "~/components/contest/meta";
import { RubricTable } from "~/components/contest/rubric-table";
import { RowsEditor, type EditorRow } from "~/components/contest/rows-editor";
import { ContestHeader, contestLinks } from "~/components/contest/ui";
import { Field, TextareaField } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { requireActor } from "~/lib/actor.server";
import { refusalResponse } from "~/lib/http.server";
import { formBody, requireParam } from "~/lib/params";
import { redirectWithToast } from "~/lib/toast.server";
import { levelsToLines, parseCriterionRows } from "~/modules/contest";
import { contestFrame, loadRubric, saveRows, saveRubric } from "~/modules/contest/index.server";

export const meta = pageTitle("contest.rubric.title");
export const links = contestLinks;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "edit:contest");
  const contestId = requireParam(params, "contestId");
  const frame = await contestFrame(contestId).catch(refusalResponse);
  const criteria = await loadRubric(contestId);
  const editing = !frame.contest.rubricLocked && (new URL(request.url).searchParams.has("edit") || criteria.length === 0);
  return { ...frame, canEdit: true, criteria, editing };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, actor } = await requireActor(request, "edit:contest");
  const contestId = requireParam(params, "contestId");
  const outcome = await saveRows({ ...actor, role: user.role }, contestId, await formBody(request), { parse: parseCriterionRows, save: saveRubric }).catch(refusalResponse);
  if (!outcome.ok) return data(outcome, { status: 400 });
  return redirectWithToast(`/contest/${contestId}/rubric`, { kind: "success", message: "contest.rubric.saved" });
}

const FIELDS = [
  ["weight", "contest.rubric.weight", "text"],
  ["scaleMin", "contest.rubric.scaleMin", "number"],
  ["scaleMax", "contest.rubric.scaleMax", "number"],
] as const;

export default function RubricPage() {
  const loaderData = useLoaderData<typeof loader>();
  const { criteria, contest } = loaderData;
  const actionData = useActionData<typeof action>();
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const errors: Record<string, string> = actionData?.errors ?? {};
  const base = `/contest/${contest.id}/rubric`;
  const total = criteria.reduce((sum, c) => sum + c.weight, 0);
  const rows: EditorRow[] = actionData?.rows ?? [
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
    { id: "", name: "", description: "", weight: "", scaleMin: "1", scaleMax: "5", levels: "", tieBreakRank: "" },
  ];
  const editing = loaderData.editing || !!actionData;
  return (
    <>
      <ContestHeader frame={loaderData} title={t("contest.rubric.title")} />
      {editing ? (
        <RowsEditor
          rows={rows}
          errors={errors}
          params={actionData?.params}
          idPrefix="crit"
          intro={t("contest.rubric.intro")}
          addHint={t("contest.rubric.addHint")}
          legend={(n) => t("contest.rubric.criterion", { n })}
          removeLabel={t("contest.rubric.remove")}
          busy={busy}
          cancelTo={criteria.length > 0 ? base : undefined}
        >
          {(row, i) => (
            <>
              <Field name={`rows.${i}.name`} idPrefix="crit" label={t("contest.rubric.name")} defaultValue={row.name} error={errors[`rows.${i}.name`]} wide />
              {FIELDS.map(([name, label, type]) => (
                <Field key={name} name={`rows.${i}.${name}`} idPrefix="crit" type={type} label={t(label)} defaultValue={row[name]} error={errors[`rows.${i}.${name}`]} />
              ))}
              <Field name={`rows.${i}.tieBreakRank`} idPrefix="crit" type="number" label={t("contest.rubric.tieBreak")} hint={t("contest.rubric.tieBreakHint")} defaultValue={row.tieBreakRank} error={errors[`rows.${i}.tieBreakRank`]} />
              <TextareaField name={`rows.${i}.description`} idPrefix="crit" label={t("contest.rubric.description")} defaultValue={row.description} error={errors[`rows.${i}.description`]} wide />
              <TextareaField name={`rows.${i}.levels`} idPrefix="crit" label={t("contest.rubric.levels")} hint={t("contest.rubric.levelsHint")} defaultValue={row.levels} error={errors[`rows.${i}.levels`]} wide />
            </>
          )}
        </RowsEditor>
      ) : (
        <section className="panel">
          {contest.rubricLocked ? (
            <p className="form-error" role="status">
              {t("contest.rubric.locked")}
            </p>
          ) : (
            <div className="ui-card__head">
              <p className="muted">{t("contest.rubric.intro")}</p>
              <Link to={`${base}?edit`} className="button">
                {t("contest.rubric.edit")}
              </Link>
            </div>
          )}
          <RubricTable criteria={criteria} total={total} />
        </section>
      )}
    </>
  );
}
