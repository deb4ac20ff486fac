import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Field } from "~/components/contact-detail/field";
import { pageTitle } from "~/components/contest/meta";
import { ContestHeader, contestLinks } from "~/components/contest/ui";
import { refusalResponse } from "~/lib/http.server";
import { FormActions, FormErrorSummary } from "~/components/ui";
import { ProjectFields, ReceiptFields } from "~/components/contest/submission/project-fields";
import { useT } from "~/i18n/use-t";
import { fieldErrors } from "~/lib/forms";
import { redirectWithToast } from "~/lib/toast.server";
import { clientIp, requirePermission } from "~/modules/auth/index.server";
import { submissionEditFrame, zoneFor, updateSubmission } from "~/modules/contest/index.server";
import { ContestError, submissionEditSchema } from "~/modules/contest";
import { utcToZoned } from "~/lib/time";
import { formBody, notFound, routeParams } from "~/lib/params";

export const meta = pageTitle("contest.submission.editTitle");
export const links = contestLinks;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "edit:contest");
  const { contestId, submissionId } = routeParams(request, params, { contestId: "key", submissionId: "key" });
  const [{ submission: s, ...frame }, zone] = await Promise.all([submissionEditFrame(contestId, submissionId).catch(refusalResponse), zoneFor(user)]);
  const values: Record<string, string> = {
    title: s.title,
    summary: s.summary ?? "",
    targetCommunities: s.targetCommunities ?? "",
    targetCities: s.targetCities ?? "",
    requestedBudget: s.requestedBudget ?? "",
    receivedAt: utcToZoned(s.receivedAt, zone),
    channel: s.channel,
  };
  return { ...frame, canEdit: true, submissionId: s.id, folio: s.folio, values, timeZone: zone };
}

type ActionResult = { errors: Record<string, string>; values: Record<string, string> };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "edit:contest");
  const { contestId, submissionId } = routeParams(request, params, { contestId: "key", submissionId: "key" });
  const form = Object.fromEntries(await formBody(request));
  const values = Object.fromEntries(Object.entries(form).map(([k, v]) => [k, String(v)]));
  const parsed = submissionEditSchema(await zoneFor(user)).safeParse(form);
  if (!parsed.success) return data<ActionResult>({ errors: fieldErrors(parsed.error), values }, { status: 400 });
  try {
    const { changed } = await updateSubmission({ userId: user.id, ip: clientIp(request), role: user.role }, contestId, submissionId, parsed.data);
    return redirectWithToast(`/contest/${contestId}/submissions/${submissionId}`, changed ? { kind: "success", message: "common.saved" } : { kind: "info", message: "contest.submission.unchanged" });
  } catch (error) {
    if (error instanceof ContestError) {
      if (error.code === "submissionNotFound") throw notFound(request);
      return data<ActionResult>({ errors: { _form: error.messageKey }, values }, { status: 400 });
    }
    throw error;
  }
}

export default function EditSubmissionPage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const errors = actionData?.errors ?? {};
  const values = actionData?.values ?? loaderData.values;
  const back = `/contest/${loaderData.contest.id}/submissions/${loaderData.submissionId}`;
  return (
    <>
      <ContestHeader frame={loaderData} title={t("contest.submission.editTitle")} />
      <Form method="post" noValidate className="panel">
        <p className="muted">
          {t("contest.list.folio")}: <strong>{loaderData.folio}</strong>
        </p>
        <FormErrorSummary errors={errors} />
        <div className="form-grid">
          <ProjectFields values={values} errors={errors} />
          <ReceiptFields values={values} errors={errors} timeZone={loaderData.timeZone} />
          <Field name="reason" label={t("contest.submission.editReason")} defaultValue={values.reason} error={errors.reason} required wide />
        </div>
        <FormActions submitLabel={t("common.save")} busy={busy} cancelTo={back} />
      </Form>
    </>
  );
}
