import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Field } from "~/components/contact-detail/field";
import { ContestForm } from "~/components/contest/contest-form";
import { pageTitle } from "~/components/contest/meta";
import { ContestHeader, contestLinks } from "~/components/contest/ui";
import { refusalResponse } from "~/lib/http.server";
import { FieldError, SelectField } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { env } from "~/lib/env.server";
import { fieldErrors } from "~/lib/forms";
import { redirectWithToast } from "~/lib/toast.server";
import { isMultipart, parseUpload } from "~/lib/upload.server";
import { clientIp, requirePermission } from "~/modules/auth/index.server";
import { contestFrame, contestZone, setContestDocument, setPhaseOverride, updateContest } from "~/modules/contest/index.server";
import { ContestError, CONTEST_PHASES, contestFormSchema, DATE_FIELDS, DEADLINE_FIELDS, phaseOverrideSchema } from "~/modules/contest";
import { isEndOfDay, zoneLabel } from "~/lib/format";
import { utcToZoned, zonedDate } from "~/lib/time";
import { storeUpload, UploadRejected } from "~/modules/files/index.server";
import { KIND_GROUPS } from "~/modules/files";
import { formBody, idParam, notFound, readBody } from "~/lib/params";

export const meta = pageTitle("contest.editTitle");
export const links = contestLinks;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "edit:contest");
  const frame = await contestFrame(idParam(request, params.contestId, "key")).catch(refusalResponse);
  const zone = await contestZone();
  const c = frame.contest;
  const values: Record<string, string> = { name: c.name, description: c.description ?? "", correctionDays: String(c.correctionDays) };
  // A deadline that is the end of its day goes back into the form as that day.
  for (const field of DATE_FIELDS) values[field] = DEADLINE_FIELDS.has(field) && isEndOfDay(c[field], zone) ? zonedDate(c[field], zone) : utcToZoned(c[field], zone);
  return { ...frame, canEdit: true, values, timeZone: zoneLabel(zone, user.locale === "en" ? "en" : "es"), isAdmin: user.role === "ADMIN", maxMb: Math.round(env().UPLOAD_MAX_BYTES / 1048576) };
}

type ActionResult = { intent: string; errors: Record<string, string>; values?: Record<string, string>; params?: Record<string, string | number> };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "edit:contest");
  const contestId = idParam(request, params.contestId, "key");
  const actor = { userId: user.id, ip: clientIp(request), role: user.role };
  const here = `/contest/${contestId}/edit`;
  try {
    if (isMultipart(request)) {
      const upload = await readBody(request, () => parseUpload(request, "file"));
      const kind = upload.form.get("kind") === "rules" ? "rules" : "call";
      const maxMb = Math.round(env().UPLOAD_MAX_BYTES / 1048576);
      if (upload.tooLarge) return data<ActionResult>({ intent: "document", errors: { file: "files.errors.tooLarge" }, params: { max: maxMb } }, { status: 413 });
      const file = upload.files[0];
      if (!file) return data<ActionResult>({ intent: "document", errors: { file: "contest.errors.fileRequired" } }, { status: 400 });
      const stored = await storeUpload(file.bytes, KIND_GROUPS.document);
      await setContestDocument(actor, contestId, kind, { fileName: file.fileName.slice(0, 200), sha256: stored.sha256 });
      return redirectWithToast(here, { kind: "success", message: "contest.documents.saved" });
    }
    const form = Object.fromEntries(await formBody(request));
    const intent = String(form.intent ?? "");
    if (intent === "phase") {
      const parsed = phaseOverrideSchema.safeParse(form);
      if (!parsed.success) return data<ActionResult>({ intent, errors: fieldErrors(parsed.error) }, { status: 400 });
      await setPhaseOverride(actor, contestId, parsed.data.phase, parsed.data.reason);
      return redirectWithToast(here, { kind: "success", message: "contest.phase.saved" });
    }
    const values = Object.fromEntries(Object.entries(form).map(([k, v]) => [k, String(v)]));
    const parsed = contestFormSchema(await contestZone()).safeParse(form);
    if (!parsed.success) return data<ActionResult>({ intent: "contest", errors: fieldErrors(parsed.error), values }, { status: 400 });
    try {
      await updateContest(actor, contestId, parsed.data);
    } catch (error) {
      if (error instanceof ContestError) return data<ActionResult>({ intent: "contest", errors: { [error.field]: error.messageKey }, values }, { status: 400 });
      throw error;
    }
    return redirectWithToast(`/contest/${contestId}`, { kind: "success", message: "common.saved" });
  } catch (error) {
    if (error instanceof UploadRejected) return data<ActionResult>({ intent: "document", errors: { file: error.messageKey }, params: { max: Math.round(env().UPLOAD_MAX_BYTES / 1048576) } }, { status: 400 });
    if (error instanceof ContestError) {
      if (error.code === "notFound") throw notFound(request);
      if (error.code === "adminOnly") throw new Response("Forbidden", { status: 403 });
      return data<ActionResult>({ intent: "phase", errors: { [error.field]: error.messageKey } }, { status: 400 });
    }
    throw error;
  }
}

export default function EditContestPage() {
  const loaderData = useLoaderData<typeof loader>();
  const { contest, values, timeZone, isAdmin, maxMb } = loaderData;
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const errorsFor = (intent: string) => (actionData?.intent === intent ? actionData.errors : {});
  return (
    <>
      <ContestHeader frame={loaderData} title={t("contest.editTitle")} />
      <ContestForm values={actionData?.intent === "contest" && actionData.values ? actionData.values : values} errors={errorsFor("contest")} busy={busy} submitLabel={t("common.save")} cancelTo={`/contest/${contest.id}`} timeZone={timeZone} />

      <section className="panel" aria-labelledby="docs-title">
        <h2 id="docs-title">{t("contest.documents.title")}</h2>
        <p className="muted">{t("contest.documents.hint", { max: maxMb })}</p>
        <Form method="post" encType="multipart/form-data" className="ct-inline">
          <div className="field">
            <label htmlFor="doc-kind">{t("contest.documents.kind")}</label>
            <select id="doc-kind" name="kind">
              <option value="call">{t("contest.documents.call")}</option>
              <option value="rules">{t("contest.documents.rules")}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="doc-file">{t("contest.documents.file")}</label>
            <input id="doc-file" name="file" type="file" accept="application/pdf,image/png,image/jpeg" />
            <FieldError error={errorsFor("document").file} params={actionData?.params} />
          </div>
          <button type="submit" className="button" disabled={busy}>
            {t("contest.documents.upload")}
          </button>
        </Form>
        <ul>
          <li>{contest.callFileName ? `${t("contest.documents.call")}: ${contest.callFileName}` : t("contest.documents.noCall")}</li>
          <li>{contest.rulesFileName ? `${t("contest.documents.rules")}: ${contest.rulesFileName}` : t("contest.documents.noRules")}</li>
        </ul>
      </section>

      <section className="panel" aria-labelledby="phase-title">
        <h2 id="phase-title">{t("contest.phase.title")}</h2>
        <p>
          {t("contest.phase.current")}: <strong>{t(`contest.phase.${contest.phase}`)}</strong>
          {contest.phaseOverride ? ` — ${t("contest.phase.overridden")}: ${contest.phaseOverrideReason ?? ""}` : ` — ${t("contest.phase.followsDates")}`}
        </p>
        {isAdmin ? (
          <Form method="post" className="ct-inline">
            <input type="hidden" name="intent" value="phase" />
            <SelectField name="phase" id="phase" label={t("contest.phase.override")} placeholder={t("contest.phase.none")} options={CONTEST_PHASES.map((p) => ({ value: p, label: t(`contest.phase.${p}`) }))} defaultValue={contest.phaseOverride} />
            <Field name="reason" label={t("contest.reason")} error={errorsFor("phase").reason} required idPrefix="phase" />
            <button type="submit" className="button" disabled={busy}>
              {t("contest.phase.apply")}
            </button>
          </Form>
        ) : (
          <p className="muted">{t("contest.phase.adminOnly")}</p>
        )}
      </section>
    </>
  );
}
