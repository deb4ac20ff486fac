import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Card, Facts, FormActions, FormError, PageHeader, TextareaField } from "~/components/ui";
import { StageBadge, StagePath } from "~/components/portal/stage";
import { pageTitle } from "~/i18n/meta";
import { useLocale, useT } from "~/i18n/use-t";
import { requireApplicant } from "~/lib/applicant-session.server";
import { formatDateTime } from "~/lib/format";
import { parseFormData, useAppForm } from "~/lib/forms";
import { refusalResponse } from "~/lib/http.server";
import { readBody, requireParam } from "~/lib/params";
import { requireMultipart } from "~/lib/params";
import { parseUploadByField } from "~/lib/portal-upload.server";
import { clientIp } from "~/modules/auth/index.server";
import { contestZone } from "~/modules/contest/index.server";
import { UploadRejected } from "~/modules/files/index.server";
import { answerSchema, countdown, PortalError } from "~/modules/portal";
import { answerFromPortal, callBySlug, submissionStatus } from "~/modules/portal/index.server";

export const meta = pageTitle("portal.status.title");

const ITEM = "item-";

/** The organisation's own submission only: any other id is a 404, whoever owns it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const call = await callBySlug(params.slug ?? "").catch(refusalResponse);
  const applicant = await requireApplicant(request, call.slug);
  const submissionId = requireParam(params, "submissionId");
  const status = await submissionStatus(applicant, call.slug, submissionId).catch(refusalResponse);
  return { ...status, slug: call.slug, zone: await contestZone(), now: new Date().toISOString() };
}

/** Answers the open correction request: documents against each item, a note. */
export async function action({ request, params }: ActionFunctionArgs) {
  const call = await callBySlug(params.slug ?? "").catch(refusalResponse);
  const applicant = await requireApplicant(request, call.slug);
  const submissionId = requireParam(params, "submissionId");
  requireMultipart(request);
  const upload = await readBody(request, () => parseUploadByField(request, (name) => name.startsWith(ITEM)));
  const parsed = parseFormData(upload.form, answerSchema);
  if (!parsed.ok) return data({ result: parsed.reply }, { status: 400 });
  if (upload.tooLarge) return data({ result: parsed.reply({ formErrors: ["files.errors.tooLarge"] }) }, { status: 400 });
  const byItem = new Map<string, Array<{ fileName: string; bytes: Uint8Array }>>();
  for (const file of upload.files) {
    const key = file.field.slice(ITEM.length);
    byItem.set(key, [...(byItem.get(key) ?? []), { fileName: file.fileName, bytes: file.bytes }]);
  }
  try {
    await answerFromPortal(applicant, call.slug, submissionId, parsed.value, byItem, { ip: clientIp(request) });
  } catch (error) {
    if (error instanceof PortalError && error.status === 404) return refusalResponse(error);
    if (error instanceof PortalError || error instanceof UploadRejected) return data({ result: parsed.reply({ formErrors: [error.messageKey] }), params: error.params }, { status: error.status });
    throw error;
  }
  return redirect(`/convocatoria/${call.slug}/estado/${submissionId}?answered=1`);
}

export default function StatusPage() {
  const page = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useAppForm({ schema: answerSchema, lastResult: answer?.result });
  const at = (iso: string) => formatDateTime(iso, locale, page.zone, { zoneName: true });
  const open = page.corrections.find((c) => c.state === "OPEN");
  const left = open ? countdown(new Date(open.deadline), new Date(page.now)) : null;
  return (
    <>
      <PageHeader title={page.submission.title} description={page.contestName} />
      <Card title={t("portal.status.title")}>
        <p>
          <StageBadge stage={page.submission.status} />
        </p>
        <StagePath stage={page.submission.status} />
        <Facts
          items={[
            { key: "folio", label: t("portal.status.folio"), value: page.submission.folio },
            { key: "received", label: t("portal.status.receivedAt"), value: at(page.submission.receivedAt) },
            { key: "origin", label: t("portal.status.origin"), value: t(`portal.application.origin.${page.submission.origin}`) },
          ]}
        />
      </Card>
      {open ? (
        <Card title={t("portal.status.correctionTitle")} data-testid="open-correction">
          {open.message ? <p className="portal-faq">{open.message}</p> : null}
          <p>{t("portal.status.deadline", { deadline: at(open.deadline) })}</p>
          <p className="portal-countdown" role="status">
            {left ? t("portal.status.countdown", { days: left.days, hours: left.hours }) : t("portal.status.deadlinePassed")}
          </p>
          {left ? (
            <Form method="post" encType="multipart/form-data" id={form.id} onSubmit={form.onSubmit} noValidate>
              <FormError error={form.errors?.[0]} params={answer && "params" in answer ? (answer.params as Record<string, string | number>) : undefined} />
              <input type="hidden" name="requestId" value={open.id} />
              {open.items.map((item) => (
                <div className="field portal-file portal-item" key={item.requirementId}>
                  <label htmlFor={`item-${item.requirementId}`}>{item.name}</label>
                  {item.note ? (
                    <p className="hint" id={`item-${item.requirementId}-note`}>
                      {item.note}
                    </p>
                  ) : null}
                  <input id={`item-${item.requirementId}`} name={`${ITEM}${item.requirementId}`} type="file" multiple accept="application/pdf,image/png,image/jpeg" aria-describedby={item.note ? `item-${item.requirementId}-note` : undefined} />
                </div>
              ))}
              <TextareaField meta={fields.note} label={t("portal.fields.answerNote")} rows={3} />
              <FormActions submitLabel={t("portal.status.answer")} busy={busy} />
            </Form>
          ) : null}
        </Card>
      ) : null}
      {page.corrections.some((c) => c.state === "ANSWERED") ? (
        <Card title={t("portal.status.answeredTitle")}>
          <ul className="portal-list">
            {page.corrections
              .filter((c) => c.state === "ANSWERED")
              .map((c) => (
                <li key={c.id}>
                  {t("portal.status.answeredOn", { at: at(c.answeredAt ?? c.deadline), items: c.items.map((i) => i.name).join(", ") })}
                </li>
              ))}
          </ul>
        </Card>
      ) : null}
      <Card title={t("portal.status.documentsTitle")}>
        <ul className="portal-list" data-testid="submission-documents">
          {page.documents.map((d) => (
            <li key={d.id}>
              <a href={`/convocatoria/${page.slug}/estado/${page.submission.id}/documentos/${d.id}`} download>
                {d.fileName}
              </a>{" "}
              <span className="muted">· {at(d.uploadedAt)}</span>
              <div className="portal-hash">SHA-256 {d.fileSha256}</div>
            </li>
          ))}
        </ul>
      </Card>
      <Card title={t("portal.status.historyTitle")}>
        <ul className="portal-list">
          {page.history.map((h, i) => (
            <li key={i}>
              {at(h.at)} — {t(`portal.stage.${h.to}`)}
            </li>
          ))}
        </ul>
      </Card>
    </>
  );
}
