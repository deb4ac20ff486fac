import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Field } from "~/components/contact-detail/field";
import { pageTitle } from "~/components/contest/meta";
import { ContestHeader, contestLinks, FormErrorSummary } from "~/components/contest/ui";
import { useT } from "~/i18n/use-t";
import { requirePermission } from "~/modules/auth/session.server";
import { contestFrame, listRequirements, saveRequirements } from "~/modules/contest/contest.server";
import { saveRowsAction } from "~/modules/contest/rows-action.server";
import { parseRequirementRows } from "~/modules/contest/schema";
import { idParam } from "~/lib/params";

export const meta = pageTitle("contest.requirements.title");
export const links = contestLinks;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "edit:contest");
  const contestId = idParam(request, params.contestId, "key");
  const frame = await contestFrame(contestId);
  const requirements = await listRequirements(contestId);
  return { ...frame, canEdit: true, requirements };
}

type Row = Record<string, string>;

export async function action({ request, params }: ActionFunctionArgs) {
  return saveRowsAction(request, idParam(request, params.contestId, "key"), { parse: parseRequirementRows, save: saveRequirements, path: "requirements", savedKey: "contest.requirements.saved" });
}

const BLANK_ROWS = 2;

export default function RequirementsPage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const errors: Record<string, string> = actionData?.errors ?? {};
  const rows: Row[] =
    actionData?.rows ??
    [
      ...loaderData.requirements.map((r) => ({ id: r.id, name: r.name, description: r.description ?? "", required: r.required ? "on" : "" })),
      ...Array.from({ length: BLANK_ROWS }, () => ({ id: "", name: "", description: "", required: "on" })),
    ];
  return (
    <>
      <ContestHeader frame={loaderData} title={t("contest.requirements.title")} />
      <Form method="post" noValidate className="panel">
        <p className="muted">{t("contest.requirements.intro")}</p>
        <FormErrorSummary errors={errors} params={actionData?.params} />
        <div className="ct-rows">
          {rows.map((row, i) => (
            <fieldset key={`${row.id}-${i}`} className="ct-row" aria-label={t("contest.requirements.item", { n: i + 1 })}>
              <input type="hidden" name={`rows.${i}.id`} value={row.id ?? ""} />
              <Field name={`rows.${i}.name`} idPrefix="req" label={t("contest.requirements.name")} defaultValue={row.name} error={errors[`rows.${i}.name`]} />
              <Field name={`rows.${i}.description`} idPrefix="req" label={t("contest.requirements.description")} defaultValue={row.description} error={errors[`rows.${i}.description`]} multiline wide />
              <label className="ct-check">
                <input type="checkbox" name={`rows.${i}.required`} defaultChecked={row.required === "on" || row.required === "true"} /> {t("contest.requirements.required")}
              </label>
              {row.id ? (
                <label className="ct-check">
                  <input type="checkbox" name={`rows.${i}.remove`} defaultChecked={row.remove === "on"} /> {t("contest.requirements.remove")}
                </label>
              ) : null}
            </fieldset>
          ))}
        </div>
        <p className="hint muted">{t("contest.requirements.addHint")}</p>
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t("common.save")}
          </button>
        </div>
      </Form>
    </>
  );
}
