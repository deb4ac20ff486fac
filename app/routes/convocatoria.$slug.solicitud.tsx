import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { Card, EmptyState, Field, FormActions, FormError, PageHeader, SelectField, TextareaField } from "~/components/ui";
import { StageBadge } from "~/components/portal/stage";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { requireApplicant } from "~/lib/applicant-session.server";
import { replyFor, useAppForm } from "~/lib/forms";
import { refusalResponse } from "~/lib/http.server";
import { handleIntents } from "~/lib/intents.server";
import { readBody } from "~/lib/params";
import { isMultipart, parseUpload } from "~/lib/upload.server";
import { clientIp } from "~/modules/auth/index.server";
import { UploadRejected } from "~/modules/files/index.server";
import { draftSchema, removeDocumentSchema } from "~/modules/portal";
import { applicationPage, callBySlug, myApplications, removeDraftDocument, saveDraft, submitDraft } from "~/modules/portal/index.server";

export const meta = pageTitle("portal.application.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const call = await callBySlug(params.slug ?? "").catch(refusalResponse);
  const applicant = await requireApplicant(request, call.slug);
  if (!applicant.organisationId) throw redirect(`/convocatoria/${call.slug}/organizacion`);
  const [page, applications] = await Promise.all([applicationPage(applicant, call.slug), myApplications(applicant, call.slug)]);
  return { slug: call.slug, organisation: applicant.organisationName, ...page, applications };
}

/** Drafts and the submission: save (with documents), remove a document, submit before the deadline. */
export async function action({ request, params }: ActionFunctionArgs) {
  const call = await callBySlug(params.slug ?? "").catch(refusalResponse);
  const applicant = await requireApplicant(request, call.slug);
  const upload = isMultipart(request) ? await readBody(request, () => parseUpload(request)) : null;
  const files = upload?.files ?? [];
  const ctx = { ip: clientIp(request) };
  const base = `/convocatoria/${call.slug}`;
  if (upload?.tooLarge) return data({ intent: "save", result: { status: "error" as const, error: { files: ["files.errors.tooLarge"] } } }, { status: 400 });
  try {
    return await handleIntents(
      request,
      {
        save: { schema: draftSchema, run: async (value) => (await saveDraft(applicant, call.slug, value, files, ctx), redirect(`${base}/solicitud`)) },
        submit: { schema: z.object({}), run: async () => redirect(`${base}/estado/${(await submitDraft(applicant, call.slug, ctx)).id}`) },
        remove: { schema: removeDocumentSchema, run: async (value) => (await removeDraftDocument(applicant, call.slug, value.documentId, ctx), redirect(`${base}/solicitud`)) },
      },
      { formData: upload?.form },
    );
  } catch (error) {
    if (error instanceof UploadRejected) return data({ intent: "save", result: { status: "error" as const, error: { files: [error.messageKey] } } }, { status: 400 });
    throw error;
  }
}

const mb = (bytes: number) => (bytes / 1_048_576).toFixed(1);

export default function ApplicationPage() {
  const page = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const submitError = replyFor(answer, "submit")?.error?.[""]?.[0] ?? Object.values(replyFor(answer, "submit")?.error ?? {})[0]?.[0];
  const [form, fields] = useAppForm({ schema: draftSchema, lastResult: replyFor(answer, "save"), defaultValue: { ...page.draft } });
  const filesError = replyFor(answer, "save")?.error?.files?.[0];
  const base = `/convocatoria/${page.slug}`;
  const requirementName = new Map(page.requirements.map((r) => [r.id, r.name]));
  const submitted = page.applications.filter((a) => a.submissionId);
  return (
    <>
      <PageHeader title={t("portal.application.title")} description={page.organisation ?? undefined} />
      {submitted.length ? (
        <Card title={t("portal.application.submittedTitle")}>
          <ul className="portal-list">
            {submitted.map((a) => (
              <li key={a.key} data-origin={a.origin}>
                <Link to={`${base}/estado/${a.submissionId}`}>
                  {a.folio} · {a.title}
                </Link>{" "}
                <StageBadge stage={a.stage} /> <span className="muted">· {t(`portal.application.origin.${a.origin}`)}</span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      {page.draft.submissionId ? null : page.state !== "open" ? (
        <Card>
          <p role="status">{t(`portal.call.state.${page.state}`)}</p>
          {page.state === "closed" ? <p>{page.lateRule ?? t("portal.call.lateRuleDefault")}</p> : null}
        </Card>
      ) : (
        <Card title={t("portal.application.draftTitle")}>
          <p className="muted">{t("portal.application.quota", { used: mb(page.usedBytes), quota: mb(page.quotaBytes) })}</p>
          <Form method="post" encType="multipart/form-data" id={form.id} onSubmit={form.onSubmit} noValidate>
            <FormError error={form.errors?.[0]} />
            <Field meta={fields.title} label={t("portal.fields.title")} required />
            <TextareaField meta={fields.summary} label={t("portal.fields.summary")} rows={5} />
            <TextareaField meta={fields.targetCommunities} label={t("portal.fields.targetCommunities")} rows={2} />
            <Field meta={fields.targetCities} label={t("portal.fields.targetCities")} />
            <Field meta={fields.requestedBudget} label={t("portal.fields.requestedBudget")} inputMode="decimal" />
            <SelectField meta={fields.requirementId} label={t("portal.fields.requirement")} placeholder={t("portal.fields.requirementAny")} options={page.requirements.map((r) => ({ value: r.id, label: r.name }))} />
            <div className="field portal-file">
              <label htmlFor="draft-files">{t("portal.fields.files")}</label>
              <p className="hint" id="draft-files-hint">
                {t("portal.fields.filesHint")}
              </p>
              <input id="draft-files" name="files" type="file" multiple accept="application/pdf,image/png,image/jpeg" aria-describedby="draft-files-hint" />
              {filesError ? <p className="field-error">{t(filesError)}</p> : null}
            </div>
            <FormActions submitLabel={t("portal.application.save")} intent="save" busy={busy} />
          </Form>
          <h3>{t("portal.application.documentsTitle")}</h3>
          {page.draft.documents.length === 0 ? (
            <EmptyState message={t("portal.application.noDocuments")} />
          ) : (
            <ul className="portal-list" data-testid="draft-documents">
              {page.draft.documents.map((d) => (
                <li key={d.id}>
                  {d.fileName} <span className="muted">({d.requirementId ? requirementName.get(d.requirementId) : t("portal.fields.requirementAny")})</span>
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="documentId" value={d.id} />
                    <button type="submit" name="intent" value="remove" className="link-button">
                      {t("portal.application.remove", { name: d.fileName })}
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          )}
          <Form method="post" className="portal-item">
            <p>{t("portal.application.submitHint")}</p>
            <FormError error={submitError} />
            <FormActions submitLabel={t("portal.application.submit")} intent="submit" busy={busy} />
          </Form>
        </Card>
      )}
    </>
  );
}
