import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { pageTitle } from "~/components/contest/meta";
import { RequirementsTable } from "~/components/contest/requirements-table";
import { RowsEditor, type EditorRow } from "~/components/contest/rows-editor";
import { ContestHeader, contestLinks } from "~/components/contest/ui";
import { CheckboxField, Field, TextareaField } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { refusalResponse } from "~/lib/http.server";
import { formBody, requireParam } from "~/lib/params";
import { redirectWithToast } from "~/lib/toast.server";
import { requireActor } from "~/lib/actor.server";
import { parseRequirementRows } from "~/modules/contest";
import { contestFrame, listRequirements, saveRequirements, saveRows } from "~/modules/contest/index.server";

export const meta = pageTitle("contest.requirements.title");
export const links = contestLinks;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "edit:contest");
  const contestId = requireParam(params, "contestId");
  const frame = await contestFrame(contestId).catch(refusalResponse);
  const requirements = await listRequirements(contestId);
  // A read view first; the editor on demand (?edit), or at once when there is nothing to read.
  const editing = new URL(request.url).searchParams.has("edit") || requirements.length === 0;
  return { ...frame, canEdit: true, requirements, editing };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, actor } = await requireActor(request, "edit:contest");
  const contestId = requireParam(params, "contestId");
  const outcome = await saveRows({ ...actor, role: user.role }, contestId, await formBody(request), { parse: parseRequirementRows, save: saveRequirements }).catch(refusalResponse);
  if (!outcome.ok) return data(outcome, { status: 400 });
  return redirectWithToast(`/contest/${contestId}/requirements`, { kind: "success", message: "contest.requirements.saved" });
}

const BLANK_ROWS = 2;

export default function RequirementsPage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const base = `/contest/${loaderData.contest.id}/requirements`;
  const rows: EditorRow[] = actionData?.rows ?? [
    ...loaderData.requirements.map((r) => ({ id: r.id, name: r.name, description: r.description ?? "", required: r.required ? "on" : "" })),
    ...Array.from({ length: BLANK_ROWS }, () => ({ id: "", name: "", description: "", required: "on" })),
  ];
  const editing = loaderData.editing || !!actionData;
  return (
    <>
      <ContestHeader frame={loaderData} title={t("contest.requirements.title")} />
      {editing ? (
        <RowsEditor
          rows={rows}
          errors={actionData?.errors ?? {}}
          params={actionData?.params}
          idPrefix="req"
          intro={t("contest.requirements.intro")}
          addHint={t("contest.requirements.addHint")}
          legend={(n) => t("contest.requirements.item", { n })}
          removeLabel={t("contest.requirements.remove")}
          busy={busy}
          cancelTo={loaderData.requirements.length > 0 ? base : undefined}
        >
          {(row, i) => (
            <>
              <Field name={`rows.${i}.name`} idPrefix="req" label={t("contest.requirements.name")} defaultValue={row.name} error={actionData?.errors[`rows.${i}.name`]} wide />
              <TextareaField name={`rows.${i}.description`} idPrefix="req" label={t("contest.requirements.description")} defaultValue={row.description} error={actionData?.errors[`rows.${i}.description`]} wide />
              <CheckboxField name={`rows.${i}.required`} idPrefix="req" label={t("contest.requirements.required")} defaultChecked={row.required === "on" || row.required === "true"} />
            </>
          )}
        </RowsEditor>
      ) : (
        <section className="panel">
          <div className="ui-card__head">
            <p className="muted">{t("contest.requirements.intro")}</p>
            <Link to={`${base}?edit`} className="button">
              {t("contest.requirements.edit")}
            </Link>
          </div>
          <RequirementsTable requirements={loaderData.requirements} />
        </section>
      )}
    </>
  );
}
