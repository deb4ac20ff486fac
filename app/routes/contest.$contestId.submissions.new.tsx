import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { Field } from "~/components/contact-detail/field";
import { pageTitle } from "~/components/contest/meta";
import { ContestHeader, contestLinks } from "~/components/contest/ui";
import { refusalResponse } from "~/lib/http.server";
import { FieldError, FormActions, FormErrorSummary } from "~/components/ui";
import { ProjectFields, ReceiptFields } from "~/components/contest/submission/project-fields";
import { useT } from "~/i18n/use-t";
import { env } from "~/lib/env.server";
import { fieldErrors } from "~/lib/forms";
import { redirectWithToast } from "~/lib/toast.server";
import { parseUpload } from "~/lib/upload.server";
import { clientIp, requirePermission } from "~/modules/auth/index.server";
import { contestFrame, zoneFor, addDocuments, createSubmission, organisationChoices } from "~/modules/contest/index.server";
import { ContestError, submissionFormSchema } from "~/modules/contest";
import { utcToZoned } from "~/lib/time";
import { UploadRejected } from "~/modules/files/index.server";
import { KIND_GROUPS, sniffKind } from "~/modules/files";
import { idParam, notFound, readBody, requireMultipart } from "~/lib/params";
import { subdivisionOptions } from "~/modules/geo";

export const meta = pageTitle("contest.submission.newTitle");
export const links = contestLinks;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "edit:contest");
  const frame = await contestFrame(idParam(request, params.contestId, "key")).catch(refusalResponse);
  const zone = await zoneFor(user);
  return { ...frame, canEdit: true, organisations: await organisationChoices(), now: utcToZoned(new Date(), zone), timeZone: zone, maxMb: Math.round(env().UPLOAD_MAX_BYTES / 1048576) };
}

type Values = Record<string, string>;

/** The organisation's US state as its ISO 3166-2 code; a value posted that is not one is kept as typed (and refused). */
function OrgStateSelect({ value, error }: { value: string; error?: string }) {
  const t = useT();
  const options = subdivisionOptions("US");
  const legacy = value && !options.some(([code]) => code === value) ? value : null;
  return (
    <div className="field">
      <label htmlFor="field-orgState">
        {t("contest.submission.orgState")}
        <span aria-hidden="true"> *</span>
      </label>
      <select id="field-orgState" name="orgState" defaultValue={value} required aria-invalid={error ? true : undefined} aria-describedby={error ? "field-orgState-error" : undefined}>
        <option value="">—</option>
        {legacy ? <option value={legacy}>{legacy}</option> : null}
        {options.map(([code, name]) => (
          <option key={code} value={code}>
            {name}
          </option>
        ))}
      </select>
      {error ? (
        <p className="field-error" id="field-orgState-error">
          {t(error)}
        </p>
      ) : null}
    </div>
  );
}

function acceptedDocument(bytes: Uint8Array): boolean {
  const kind = sniffKind(bytes);
  return kind !== null && KIND_GROUPS.document.includes(kind);
}
type ActionResult = { errors: Record<string, string>; values: Values; params?: Record<string, string | number> };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "edit:contest");
  const contestId = idParam(request, params.contestId, "key");
  const maxMb = Math.round(env().UPLOAD_MAX_BYTES / 1048576);
  // The form carries files: a plain urlencoded post is a 415 with the translated page, not a 500.
  requireMultipart(request);
  const upload = await readBody(request, () => parseUpload(request));
  const form = Object.fromEntries([...upload.form.entries()].filter(([, v]) => typeof v === "string")) as Values;
  const values = form;
  if (upload.tooLarge) return data<ActionResult>({ errors: { files: "files.errors.tooLarge" }, values, params: { max: maxMb } }, { status: 413 });
  // Files are checked by content before anything is created.
  if (upload.files.some((f) => !acceptedDocument(f.bytes))) {
    return data<ActionResult>({ errors: { files: "files.errors.typeNotAllowed" }, values }, { status: 400 });
  }
  const parsed = submissionFormSchema(await zoneFor(user)).safeParse(form);
  if (!parsed.success) return data<ActionResult>({ errors: fieldErrors(parsed.error), values }, { status: 400 });
  const actor = { userId: user.id, ip: clientIp(request), role: user.role };
  try {
    const submission = await createSubmission(actor, contestId, parsed.data);
    if (upload.files.length) await addDocuments(actor, contestId, submission.id, upload.files);
    return redirectWithToast(`/contest/${contestId}/submissions/${submission.id}`, { kind: "success", message: submission.late ? "contest.submission.createdLate" : "contest.submission.created" });
  } catch (error) {
    if (error instanceof ContestError) {
      if (error.code === "notFound") throw notFound(request);
      return data<ActionResult>({ errors: { [error.field]: error.messageKey }, values }, { status: 400 });
    }
    if (error instanceof UploadRejected) return data<ActionResult>({ errors: { files: error.messageKey }, values, params: { max: maxMb } }, { status: 400 });
    throw error;
  }
}

export default function NewSubmissionPage() {
  const loaderData = useLoaderData<typeof loader>();
  const { organisations, now, timeZone, maxMb } = loaderData;
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const errors = actionData?.errors ?? {};
  const values = actionData?.values ?? {};
  const [mode, setMode] = useState(values.partnerMode ?? (organisations.length ? "existing" : "new"));
  return (
    <>
      <ContestHeader frame={loaderData} title={t("contest.submission.newTitle")} />
      <Form method="post" encType="multipart/form-data" noValidate className="panel">
        <FormErrorSummary errors={errors} />
        <fieldset className="ct-fieldset">
          <legend>{t("contest.submission.organisation")}</legend>
          <label className="ct-check">
            <input type="radio" name="partnerMode" value="existing" checked={mode === "existing"} onChange={() => setMode("existing")} disabled={organisations.length === 0} /> {t("contest.submission.existingOrg")}
          </label>
          <label className="ct-check">
            <input type="radio" name="partnerMode" value="new" checked={mode === "new"} onChange={() => setMode("new")} /> {t("contest.submission.newOrg")}
          </label>
          <FieldError error={errors.partnerMode} />
          {mode === "existing" ? (
            <div className="form-grid">
              <div className="field">
                <label htmlFor="field-partnerId">{t("contest.submission.partner")}</label>
                <select id="field-partnerId" name="partnerId" defaultValue={values.partnerId ?? ""} aria-invalid={errors.partnerId ? true : undefined}>
                  <option value="">{t("contest.submission.choose")}</option>
                  {organisations.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name}
                      {o.place ? ` (${o.place})` : ""}
                    </option>
                  ))}
                </select>
                <FieldError error={errors.partnerId} />
              </div>
              <div className="field">
                <label htmlFor="field-contactPersonId">{t("contest.submission.contactPerson")}</label>
                <select id="field-contactPersonId" name="contactPersonId" defaultValue={values.contactPersonId ?? ""}>
                  <option value="">{t("contest.submission.firstContact")}</option>
                  {organisations
                    .filter((o) => o.people.length > 0)
                    .map((o) => (
                      <optgroup key={o.id} label={o.name}>
                        {o.people.map((p) => (
                          <option key={p.id} value={p.id}>
                            {p.name}
                            {p.email ? ` <${p.email}>` : ""}
                          </option>
                        ))}
                      </optgroup>
                    ))}
                </select>
                <FieldError error={errors.contactPersonId} />
              </div>
            </div>
          ) : (
            <div className="form-grid">
              <Field name="orgName" label={t("contest.submission.orgName")} defaultValue={values.orgName} error={errors.orgName} required wide />
              <Field name="orgCity" label={t("contest.submission.orgCity")} defaultValue={values.orgCity} error={errors.orgCity} />
              <OrgStateSelect value={values.orgState ?? ""} error={errors.orgState} />
              <Field name="contactName" label={t("contest.submission.contactName")} defaultValue={values.contactName} error={errors.contactName} required />
              <Field name="contactEmail" type="email" label={t("contest.submission.contactEmail")} defaultValue={values.contactEmail} error={errors.contactEmail} required />
              <Field name="contactPhone" type="tel" label={t("contest.submission.contactPhone")} defaultValue={values.contactPhone} error={errors.contactPhone} />
            </div>
          )}
        </fieldset>
        <fieldset className="ct-fieldset">
          <legend>{t("contest.submission.project")}</legend>
          <div className="form-grid">
            <ProjectFields values={values} errors={errors} />
          </div>
        </fieldset>
        <fieldset className="ct-fieldset">
          <legend>{t("contest.submission.receipt")}</legend>
          <div className="form-grid">
            <ReceiptFields values={{ ...values, receivedAt: values.receivedAt ?? now, channel: values.channel ?? "EMAIL" }} errors={errors} timeZone={timeZone} />
            <div className="field field--wide">
              <label htmlFor="field-files">{t("contest.submission.documents")}</label>
              <p className="hint">{t("contest.documents.hint", { max: maxMb })}</p>
              <input id="field-files" name="files" type="file" multiple accept="application/pdf,image/png,image/jpeg" />
              <FieldError error={errors.files} params={actionData?.params} />
            </div>
          </div>
        </fieldset>
        <FormActions submitLabel={t("contest.submission.create")} busy={busy} />
      </Form>
    </>
  );
}
